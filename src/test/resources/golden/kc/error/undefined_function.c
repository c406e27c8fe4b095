// expect: link error: undefined reference to 'foo' (declared at 4:5, never defined; first referenced in main() at 9:20); nothing is run, so no stdout
#include <stdio.h>

int foo(int x);

int main(void)
{
    printf("calling foo\n");
    printf("%d\n", foo(3));
    return 0;
}
