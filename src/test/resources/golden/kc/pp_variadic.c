#include <stdio.h>

#define LOG(fmt, ...) printf("[log] " fmt "\n", __VA_ARGS__)
#define DBG(fmt, ...) printf("[dbg] " fmt "\n", ##__VA_ARGS__)
#define pr_info(fmt, ...) printf("info: " fmt, ##__VA_ARGS__)
#define COUNT_ARGS(...) COUNT_IMPL(__VA_ARGS__, 5, 4, 3, 2, 1)
#define COUNT_IMPL(a, b, c, d, e, n, ...) n
#define FIRST(x, ...) (x)
#define CALL(f, ...) f(__VA_ARGS__)
#define SHOW_ALL(...) printf("%s\n", #__VA_ARGS__)

static int add3(int a, int b, int c) { return a + b + c; }

int main(void)
{
    LOG("x=%d y=%d", 1, 2);
    LOG("%s", "one arg");
    DBG("no args at all");
    DBG("with %d arg", 1);
    pr_info("plain\n");
    pr_info("value %d and %s\n", 5, "str");
    printf("COUNT_ARGS %d %d %d\n", COUNT_ARGS(a), COUNT_ARGS(a, b, c), COUNT_ARGS(1, 2, 3, 4, 5));
    printf("FIRST %d\n", FIRST(7, 8, 9));
    printf("CALL %d\n", CALL(add3, 1, 2, 3));
    SHOW_ALL(a, b,   c);
    return 0;
}
