// expect: 6:18: error: unsupported: bit-fields (member 'mode' declared with ': 3'; the ':' is at 6:23)
#include <stdio.h>

struct flags {
    unsigned int ready;
    unsigned int mode : 3;
};

int main(void)
{
    struct flags f = {1, 2};
    printf("%u\n", f.mode);
    return 0;
}
