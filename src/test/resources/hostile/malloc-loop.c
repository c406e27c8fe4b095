#include <stdio.h>
#include <stdlib.h>
int main(void) { long n = 0; while (malloc(1 << 20)) n++; printf("NULL after %ld MiB\n", n); return 0; }
