#include <stdio.h>

struct inner { int a; int b; };
struct outer {
    int id;
    struct inner in;
    int arr[4];
    const char *name;
};

static int f_open(void) { return 1; }
static int f_close(void) { return 2; }

struct ops {
    int (*open)(void);
    int (*close)(void);
    int (*ioctl)(void);
};

static struct ops o = { .close = f_close, .open = f_open };

int main(void)
{
    int sparse[8] = { [3] = 30, [6] = 60, 70 };      /* 70 goes to [7] */
    for (int i = 0; i < 8; i++)
        printf("%d ", sparse[i]);
    printf("\n");
    int sized[] = { [5] = 1 };
    printf("implicit size %zu\n", sizeof sized / sizeof sized[0]);

    struct outer x = { .in.b = 5, .name = "x", .arr[2] = 9, .id = 1 };
    printf("x: id %d in %d,%d arr %d %d %d %d name %s\n",
           x.id, x.in.a, x.in.b, x.arr[0], x.arr[1], x.arr[2], x.arr[3], x.name);
    struct outer y = { .in = { .a = 7 }, .arr = { 1, 2 } };
    printf("y: id %d in %d,%d arr %d %d %d %d name null %d\n",
           y.id, y.in.a, y.in.b, y.arr[0], y.arr[1], y.arr[2], y.arr[3], y.name == NULL);

    /* partial initializers: the rest is zero */
    int part[6] = {1, 2};
    struct outer z = {42};
    char str[10] = "hi";
    printf("part %d %d %d %d %d %d\n", part[0], part[1], part[2], part[3], part[4], part[5]);
    printf("z.id %d z.in.b %d z.arr[3] %d\n", z.id, z.in.b, z.arr[3]);
    printf("str[5] %d\n", str[5]);

    printf("ops: open %d close %d ioctl null %d\n", o.open(), o.close(), o.ioctl == NULL);

    struct inner grid[3] = { [1] = { .b = 11 }, [2].a = 20 };
    for (int i = 0; i < 3; i++)
        printf("grid[%d] = {%d,%d}\n", i, grid[i].a, grid[i].b);
    int m[3][3] = { [1][1] = 5, [2] = {7, 8} };
    for (int i = 0; i < 3; i++)
        printf("%d %d %d\n", m[i][0], m[i][1], m[i][2]);
    return 0;
}
