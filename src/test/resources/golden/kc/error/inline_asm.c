// expect: 7:5: error: unsupported: inline assembly with a real instruction (only the empty barrier is modelled)
#include <stdio.h>

static void spin_pause(void)
{
    asm volatile("" ::: "memory");      /* a compiler barrier: accepted */
    asm volatile("pause" ::: "memory"); /* an instruction: refused */
}

int main(void)
{
    spin_pause();
    printf("after pause\n");
    return 0;
}
