#include <stdio.h>

int main(void)
{
    int i = 5;
    int a = i++;
    int b = ++i;
    int c = i--;
    int d = --i;
    printf("a=%d b=%d c=%d d=%d i=%d\n", a, b, c, d, i);

    int arr[5] = {10, 20, 30, 40, 50};
    int *p = arr;
    printf("*p++ = %d\n", *p++);
    printf("*++p = %d\n", *++p);
    printf("++*p = %d\n", ++*p);
    printf("(*p)++ = %d\n", (*p)++);
    printf("*p = %d, p - arr = %ld\n", *p, p - arr);
    p--;
    printf("after p--: *p = %d\n", *p);
    --p;
    printf("after --p: *p = %d\n", *p);

    arr[3]++;
    ++arr[4];
    arr[0]--;
    int k = 1;
    arr[k++]++;
    printf("arr = %d %d %d %d %d, k = %d\n", arr[0], arr[1], arr[2], arr[3], arr[4], k);

    char s[] = "hello";
    char *q = s;
    while (*q) {
        (*q)--;
        q++;
    }
    printf("decremented chars: %s\n", s);

    unsigned char uc = 255;
    uc++;
    printf("uchar 255++ -> %d\n", uc);
    long l = -1;
    l++;
    printf("long -1++ -> %ld\n", l);

    const char *words[] = {"zero", "one", "two"};
    const char **w = words;
    w++;
    printf("*w after ++ = %s, ", *w++);
    printf("then %s\n", *w);
    int n = 0;
    for (int j = 10; j-- > 0; )
        n++;
    printf("j-- > 0 loop ran %d times\n", n);
    return 0;
}
