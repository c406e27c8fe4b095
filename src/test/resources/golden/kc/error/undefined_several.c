// expect: every undefined reference is listed at once (ld goes on after the first), each at its first use
#include <stdio.h>

int setup(int n);
void teardown(void);
extern int shared_table[4];

int main(void)
{
    int r = setup(3);
    printf("%d %d\n", r, shared_table[1]);
    r += setup(4);          /* a second use of the same symbol is not listed again */
    teardown();
    return r;
}
