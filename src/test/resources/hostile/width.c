#include <stdio.h>
int main(void) { char b[8]; int n = snprintf(b, 8, "%2147483647d", 1); printf("%d [%s]\n", n, b); return 0; }
