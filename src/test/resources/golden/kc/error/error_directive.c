// expect: 6:2: error: #error "SMP is not supported here"
#include <stdio.h>

#define CONFIG_SMP 1
#if CONFIG_SMP
#error "SMP is not supported here"
#endif

int main(void)
{
    return 0;
}
