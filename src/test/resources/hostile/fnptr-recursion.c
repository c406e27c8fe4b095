int f(int n);
int (*fp)(int) = f;
int f(int n) { return fp(n + 1) + 1; }
int main(void) { return fp(0); }
