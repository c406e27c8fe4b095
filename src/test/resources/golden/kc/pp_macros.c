#include <stdio.h>

#define SIZE 8
#define DOUBLE_SIZE (SIZE * 2)
#define SQUARE(x) ((x) * (x))
#define BAD_SQUARE(x) x * x
#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define STR(x) #x
#define XSTR(x) STR(x)
#define CAT(a, b) a##b
#define XCAT(a, b) CAT(a, b)
#define MAKE_GETTER(name) static int get_##name(void) { return name; }
#define SWAP(t, a, b) do { t tmp_ = (a); (a) = (b); (b) = tmp_; } while (0)
#define PRINT_INT(expr) printf(#expr " = %d\n", (expr))
#define EMPTY
#define NO_ARGS() 17
#define MULTI_LINE(a, b) \
    ((a) +               \
     (b))

static int width = 3;
static int height = 4;
MAKE_GETTER(width)
MAKE_GETTER(height)

int main(void)
{
    int CAT(var, 1) = 10;
    int XCAT(var, SIZE) = 80;
    printf("SIZE %d DOUBLE_SIZE %d\n", SIZE, DOUBLE_SIZE);
    printf("SQUARE(3+1) %d BAD_SQUARE(3+1) %d\n", SQUARE(3 + 1), BAD_SQUARE(3 + 1));
    printf("MAX %d %d\n", MAX(3, 9), MAX(-1, -7));
    printf("STR(SIZE) %s XSTR(SIZE) %s\n", STR(SIZE), XSTR(SIZE));
    printf("STR with spaces: %s\n", STR(  a  +   b  ));
    printf("STR quotes: %s\n", STR("q" '\n'));
    printf("var1 %d var8 %d\n", var1, var8);
    printf("getters %d %d\n", get_width(), get_height());
    int x = 1, y = 2;
    SWAP(int, x, y);
    printf("swapped %d %d\n", x, y);
    if (x > y)
        SWAP(int, x, y);
    else
        printf("not taken\n");
    printf("after if-swap %d %d\n", x, y);
    PRINT_INT(x * 10 + y);
    PRINT_INT(SQUARE(y));
    printf("EMPTY:%d NO_ARGS %d MULTI_LINE %d\n", 1 EMPTY, NO_ARGS(), MULTI_LINE(20, 22));
#define SIZE_LOCAL SIZE
#undef SIZE
#define SIZE 100
    printf("redefined through alias %d\n", SIZE_LOCAL);
    printf("line %d\n", __LINE__);
    return 0;
}
