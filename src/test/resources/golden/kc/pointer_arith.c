#include <stdio.h>
#include <stddef.h>

struct pt { int x, y; };

int main(void)
{
    int a[8];
    for (int i = 0; i < 8; i++)
        a[i] = i * i;
    int *p = a;
    int *q = &a[6];
    printf("*(p+3) = %d, q[-2] = %d, 3[a] = %d\n", *(p + 3), q[-2], 3[a]);
    printf("q - p = %ld\n", q - p);
    printf("p < q %d, p > q %d, p == &a[0] %d, q != p %d\n", p < q, p > q, p == &a[0], q != p);
    ptrdiff_t d = &a[1] - &a[7];
    printf("&a[1] - &a[7] = %ld\n", d);
    int *end = a + 8;     /* one past the end is allowed */
    int sum = 0;
    for (int *it = a; it != end; ++it)
        sum += *it;
    printf("sum = %d\n", sum);

    char buf[16];
    char *c = buf;
    printf("char step: (char*)(p+1) - (char*)p = %ld\n", (char *)(p + 1) - (char *)p);
    struct pt pts[3] = {{1, 2}, {3, 4}, {5, 6}};
    struct pt *sp = pts;
    sp += 2;
    printf("sp->x %d, (sp-1)->y %d, sp - pts %ld, bytes %ld\n",
           sp->x, (sp - 1)->y, sp - pts, (char *)sp - (char *)pts);
    long *lp = 0;
    printf("null ptr == 0: %d\n", lp == NULL);
    void *vp = buf;
    char *cp2 = (char *)vp + 5;
    printf("cp2 - c = %ld\n", cp2 - c);
    int *mid = a + 4;
    mid -= 2;
    printf("*mid after -= 2 = %d\n", *mid);
    printf("mid[1] + *(mid+2) = %d\n", mid[1] + *(mid + 2));
    int *r = p + (q - p) / 2;
    printf("middle element = %d at index %ld\n", *r, r - a);
    return 0;
}
