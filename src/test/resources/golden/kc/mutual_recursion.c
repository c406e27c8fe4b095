#include <stdio.h>

static int is_odd(unsigned n);

static int is_even(unsigned n)
{
    return n == 0 ? 1 : is_odd(n - 1);
}

static int is_odd(unsigned n)
{
    return n == 0 ? 0 : is_even(n - 1);
}

/* tiny recursive-descent expression evaluator: expr = term {+|- term}, term = factor {*|/ factor}, factor = num | (expr) */
static const char *pos;
static int expr(void);

static int factor(void)
{
    if (*pos == '(') {
        pos++;
        int v = expr();
        pos++;           /* skip ')' */
        return v;
    }
    if (*pos == '-') {
        pos++;
        return -factor();
    }
    int v = 0;
    while (*pos >= '0' && *pos <= '9')
        v = v * 10 + (*pos++ - '0');
    return v;
}

static int term(void)
{
    int v = factor();
    while (*pos == '*' || *pos == '/') {
        char op = *pos++;
        int r = factor();
        v = op == '*' ? v * r : v / r;
    }
    return v;
}

static int expr(void)
{
    int v = term();
    while (*pos == '+' || *pos == '-') {
        char op = *pos++;
        int r = term();
        v = op == '+' ? v + r : v - r;
    }
    return v;
}

static int eval(const char *s)
{
    pos = s;
    return expr();
}

int main(void)
{
    for (unsigned i = 0; i < 6; i++)
        printf("%u even %d odd %d\n", i, is_even(i), is_odd(i));
    printf("is_even(101) %d\n", is_even(101));
    const char *tests[] = {"1+2*3", "(1+2)*3", "100/7/2", "2*(3+4)*5-6", "-(4-10)*2", "8-3-2"};
    for (int i = 0; i < 6; i++)
        printf("%s = %d\n", tests[i], eval(tests[i]));
    return 0;
}
