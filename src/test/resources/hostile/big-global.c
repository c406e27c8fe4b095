char a[1L << 40];
int main(void) { a[5] = 1; return a[5] - 1; }
