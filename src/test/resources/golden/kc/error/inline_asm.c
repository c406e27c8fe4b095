// expect: 6:5: error: unsupported: inline assembly (__asm__ statement in barrier)
#include <stdio.h>

static void barrier(void)
{
    __asm__ __volatile__("" : : : "memory");
}

int main(void)
{
    barrier();
    printf("after barrier\n");
    return 0;
}
