// expect: 6:5: error: unterminated comment   (the '/*' on line 6; gcc then also reports 5:1: expected declaration or statement at end of input)
#include <stdio.h>

int main(void)
{
    /* this comment never ends
    printf("hi\n");
    return 0;
}
