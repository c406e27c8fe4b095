// expect: 4:2: error: invalid preprocessing directive #foo
#include <stdio.h>

#foo bar
int main(void)
{
    return 0;
}
