// expect: the only CPU waits in wfe for an event that nobody can send: the run ends as stuck (a finding), not a hang
#include <stdio.h>
#include <arm_acle.h>

volatile unsigned int owner = 1;

int main(void)
{
    printf("waiting for owner to drop the lock\n");
    while (owner != 0)
        __wfe();
    printf("never printed\n");
    return 0;
}
