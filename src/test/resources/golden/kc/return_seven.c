#include <stdio.h>

static int compute(void)
{
    int acc = 0;
    for (int i = 1; i <= 3; i++)
        acc += i;
    return acc + 1;     /* 7 */
}

int main(void)
{
    int code = compute();
    printf("returning %d from main\n", code);
    return code;
}
