// expect: 13:19: error: cannot take address of bit-field 'mode' (bit-fields are supported; their address is not)
#include <stdio.h>

struct flags {
    unsigned int ready;
    unsigned int mode : 3;
};

int main(void)
{
    struct flags f = {1, 2};
    printf("%u\n", f.mode);
    unsigned *p = &f.mode;
    return *p;
}
