#include <stdio.h>

int x = 10;
int arr[5] = {1, 2, 3, 4, 5};
int *p = &x;
int *q = &arr[3];
int *r = arr + 1;
int **pp = &p;
char *names[] = {"alpha", "beta", "gamma"};
const char *const greeting = "hi";
char letters[] = "xyz";
char *lp = letters + 1;
struct pt { int x, y; } origin = {0, 0}, corner = {3, 4};
struct pt *cur = &corner;
int *field = &corner.y;
static int helper(int v) { return v + 1; }
int (*fn)(int) = helper;
struct entry { const char *key; int *val; } entries[] = {
    {"x", &x},
    {"arr2", &arr[2]},
    {0, 0},
};
int nnames = sizeof names / sizeof names[0];
long big = 1L << 40;

int main(void)
{
    printf("*p %d *q %d *r %d **pp %d\n", *p, *q, *r, **pp);
    *p = 99;
    printf("x now %d\n", x);
    for (int i = 0; i < nnames; i++)
        printf("names[%d] = %s\n", i, names[i]);
    printf("greeting %s, *lp %c, lp %s\n", greeting, *lp, lp);
    printf("cur %d,%d field %d origin %d,%d\n", cur->x, cur->y, *field, origin.x, origin.y);
    printf("fn(41) = %d\n", fn(41));
    for (struct entry *e = entries; e->key; e++)
        printf("entry %s -> %d\n", e->key, *e->val);
    printf("q - arr = %ld, big = %ld\n", q - arr, big);
    names[1] = "BETA";
    printf("names[1] = %s\n", names[1]);
    return 0;
}
