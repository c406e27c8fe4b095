#include <stdio.h>

int main(void)
{
    int a = 7, b = 3, c = 2;
    printf("arith: %d %d %d %d %d\n", a + b, a - b, a * b, a / b, a % b);
    printf("neg div: %d %d %d %d\n", -7 / 2, -7 % 2, 7 / -2, 7 % -2);
    printf("unary: %d %d %d %d\n", -a, +a, !a, ~a);
    printf("rel: %d %d %d %d %d %d\n", a < b, a > b, a <= 7, a >= 8, a == 7, a != 7);
    printf("bit: %d %d %d\n", a & b, a | b, a ^ b);
    printf("logic: %d %d %d\n", a && 0, a || 0, !b || c);
    /* precedence */
    printf("a + b * c = %d\n", a + b * c);
    printf("(a + b) * c = %d\n", (a + b) * c);
    printf("a - b - c = %d (left assoc)\n", a - b - c);
    printf("a / b / c = %d\n", 100 / 5 / 2);
    printf("a & b == 3 -> %d\n", a & b == 3);      /* == binds tighter */
    printf("(a & b) == 3 -> %d\n", (a & b) == 3);
    printf("a | b ^ c & a = %d\n", a | b ^ c & a);
    printf("a < b == c > b = %d\n", a < b == c > b);
    printf("1 || 0 && 0 = %d\n", 1 || 0 && 0);
    printf("-a * -b = %d, - -a = %d\n", -a * -b, - -a);
    printf("!a == 0 -> %d\n", !a == 0);
    printf("~0u << 4 & 0xff = %u\n", ~0u << 4 & 0xff);
    /* assignment is right associative */
    int x, y, z;
    x = y = z = 5;
    printf("x=y=z=5 -> %d %d %d\n", x, y, z);
    x += y -= z *= 2;
    printf("x += y -= z *= 2 -> %d %d %d\n", x, y, z);
    /* short-circuit side effects */
    int n = 0;
    if (0 && ++n) { }
    if (1 || ++n) { }
    if (1 && ++n) { }
    if (0 || ++n) { }
    printf("n after short-circuit = %d\n", n);
    /* ternary is right associative */
    int v = 5;
    const char *s = v < 0 ? "neg" : v == 0 ? "zero" : v < 10 ? "small" : "big";
    printf("classify 5 -> %s\n", s);
    /* unary * and & and sizeof */
    int arr[3] = {10, 20, 30};
    int *p = arr;
    printf("*p+1 = %d, *(p+1) = %d, sizeof arr / sizeof *arr = %zu\n", *p + 1, *(p + 1), sizeof arr / sizeof *arr);
    printf("*&a = %d, &*p == p: %d\n", *&a, &*p == p);
    return 0;
}
