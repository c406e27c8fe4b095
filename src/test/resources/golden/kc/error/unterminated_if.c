// expect: 5:2: error: unterminated #if   (the #if opened on line 5 is never closed; gcc 12 prints the location as just '5:' without a column)
#include <stdio.h>

#define DEBUG 1
#if DEBUG
int main(void)
{
    printf("debug\n");
    return 0;
}
