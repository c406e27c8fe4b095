// expect: 8:10: error: too many arguments to function 'release'   (gcc: the same, at the variable)
#include <stdio.h>

static void release(void) { }

int main(void)
{
    long pos __attribute__((cleanup(release))) = 0;
    return (int)pos;
}
