// expect: runtime: step budget exceeded (infinite loop 'while (1) { i++; }' at 8:5, touching only locals) in main(), reported by the step limit rather than hanging; stdout so far: 'spinning'.  NOTE: the gcc binary never terminates: run it only under a timeout
#include <stdio.h>

int main(void)
{
    int i = 0;
    printf("spinning\n");
    while (1) {
        i++;
    }
    return 0;
}
