#include <stdio.h>
int café = 3;
int main(void) { printf("%d\n", café); return 0; }
