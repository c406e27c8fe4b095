// expect: 10:21: error: 'struct s' has no member named 'y'   (column of 'y')
#include <stdio.h>

struct s { int x; };

int main(void)
{
    struct s v = {1};
    struct s *p = &v;
    printf("%d\n", p->y);
    return 0;
}
