/* gcc's a ?: b: the first operand is evaluated once and is the value when nonzero. */
#include <stdio.h>

static int calls;

static int side(int v)
{
    calls++;
    return v;
}

static const char *names[] = { "zero", 0, "two" };

static const char *name_of(int i)
{
    return names[i] ?: "(unnamed)";
}

int main(void)
{
    int a = side(5) ?: 99;
    int b = side(0) ?: 99;
    printf("a=%d b=%d calls=%d\n", a, b, calls);
    for (int i = 0; i < 3; i++)
        printf("%d: %s\n", i, name_of(i));
    unsigned char small = 200;
    long wide = small ?: -1L;
    printf("wide=%ld\n", wide);
    int k = 0;
    int r = k++ ?: k++ ?: k++;
    printf("r=%d k=%d\n", r, k);
    static const int constant = 3 ?: 4;
    printf("constant=%d\n", constant);
    return 0;
}
