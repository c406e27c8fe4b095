#include <stdio.h>

static const char *grade(int score)
{
    if (score >= 90)
        return "A";
    else if (score >= 80)
        return "B";
    else if (score >= 70)
        return "C";
    else if (score >= 60)
        return "D";
    else
        return "F";
}

int main(void)
{
    int scores[] = {95, 85, 72, 61, 10, 80};
    for (int i = 0; i < 6; i++)
        printf("%d:%s ", scores[i], grade(scores[i]));
    printf("\n");

    /* while */
    int n = 27, steps = 0;
    while (n != 1) {
        if (n % 2 == 0)
            n /= 2;
        else
            n = 3 * n + 1;
        steps++;
    }
    printf("collatz(27) steps %d\n", steps);

    /* do/while runs at least once */
    int k = 100;
    do {
        printf("do-while body k=%d\n", k);
    } while (k < 10);
    int digits = 0, v = 12345;
    do {
        digits++;
        v /= 10;
    } while (v);
    printf("digits %d\n", digits);

    /* for with empty parts */
    int i = 0;
    for (;;) {
        if (++i >= 4)
            break;
    }
    printf("for(;;) stopped at %d\n", i);
    int j = 10;
    for (; j > 0;)
        j -= 3;
    printf("for(;cond;) j=%d\n", j);
    int sum = 0;
    for (int a = 0, b = 10; a < b; a++, b--)
        sum += b - a;
    printf("two-var for sum %d\n", sum);
    /* for with declaration shadowing an outer i */
    for (int i = 100; i < 102; i++)
        printf("inner i %d\n", i);
    printf("outer i %d\n", i);
    /* nested if without braces, dangling else binds to nearest if */
    int x = 1, y = 0;
    if (x)
        if (y)
            printf("x and y\n");
        else
            printf("x and not y\n");
    /* while with empty body */
    const char *s = "abcdef";
    const char *e = s;
    while (*e++)
        ;
    printf("strlen by while: %ld\n", e - s - 1);
    return 0;
}
