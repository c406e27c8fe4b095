#include <stdio.h>

static unsigned long long factorial(int n)
{
    return n <= 1 ? 1 : n * factorial(n - 1);
}

static int fib(int n)
{
    if (n < 2)
        return n;
    return fib(n - 1) + fib(n - 2);
}

static int ackermann(int m, int n)
{
    if (m == 0)
        return n + 1;
    if (n == 0)
        return ackermann(m - 1, 1);
    return ackermann(m - 1, ackermann(m, n - 1));
}

static int gcd(int a, int b) { return b == 0 ? a : gcd(b, a % b); }

static void hanoi(int n, char from, char to, char via, int *moves)
{
    if (n == 0)
        return;
    hanoi(n - 1, from, via, to, moves);
    (*moves)++;
    if (n == 3)
        printf("move disk 3 %c->%c\n", from, to);
    hanoi(n - 1, via, to, from, moves);
}

static int depth(int n) { return n == 0 ? 0 : 1 + depth(n - 1); }

static void print_binary(unsigned v)
{
    if (v > 1)
        print_binary(v >> 1);
    putchar('0' + (v & 1));
}

int main(void)
{
    for (int i = 0; i <= 20; i += 5)
        printf("%d! = %llu\n", i, factorial(i));
    for (int i = 0; i <= 20; i += 4)
        printf("fib(%d) = %d\n", i, fib(i));
    printf("ackermann(2,3) = %d\n", ackermann(2, 3));
    printf("ackermann(3,3) = %d\n", ackermann(3, 3));
    printf("gcd(1071,462) = %d\n", gcd(1071, 462));
    int moves = 0;
    hanoi(5, 'A', 'C', 'B', &moves);
    printf("hanoi(5) moves %d\n", moves);
    printf("depth(150) = %d\n", depth(150));
    print_binary(37);
    putchar('\n');
    return 0;
}
