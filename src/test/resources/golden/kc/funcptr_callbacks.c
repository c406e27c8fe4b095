#include <stdio.h>

static int add(int a, int b) { return a + b; }
static int sub(int a, int b) { return a - b; }
static int mul(int a, int b) { return a * b; }
static int dv(int a, int b) { return b ? a / b : 0; }

static int (*ops[])(int, int) = {add, sub, mul, dv};
static const char opch[] = "+-*/";

static void apply_all(const int *v, int n, void (*cb)(int *))
{
    for (int i = 0; i < n; i++) {
        int x = v[i];
        cb(&x);
        printf("%d ", x);
    }
    printf("\n");
}

static void dbl(int *x) { *x *= 2; }
static void neg(int *x) { *x = -*x; }

static int (*pick(char c))(int, int)       /* function returning a function pointer */
{
    for (int i = 0; i < 4; i++)
        if (opch[i] == c)
            return ops[i];
    return NULL;
}

static void sort(int *v, int n, int (*cmp)(int, int))
{
    for (int i = 1; i < n; i++) {
        int key = v[i], j = i - 1;
        while (j >= 0 && cmp(v[j], key) > 0) {
            v[j + 1] = v[j];
            j--;
        }
        v[j + 1] = key;
    }
}
static int asc(int a, int b) { return (a > b) - (a < b); }
static int desc(int a, int b) { return asc(b, a); }

int main(void)
{
    for (int i = 0; i < 4; i++)
        printf("17 %c 5 = %d\n", opch[i], ops[i](17, 5));
    int v[] = {3, -1, 4, 1, -5};
    apply_all(v, 5, dbl);
    apply_all(v, 5, neg);
    int (*f)(int, int) = pick('*');
    printf("pick('*')(6,7) = %d, pick('?') null %d\n", f(6, 7), pick('?') == NULL);
    printf("(*f)(2,3) = %d, explicit & %d\n", (*f)(2, 3), (&add)(2, 3));
    sort(v, 5, asc);
    for (int i = 0; i < 5; i++) printf("%d ", v[i]);
    printf("\n");
    sort(v, 5, desc);
    for (int i = 0; i < 5; i++) printf("%d ", v[i]);
    printf("\n");
    printf("same function equal: %d, different: %d\n", f == mul, f == add);
    return 0;
}
