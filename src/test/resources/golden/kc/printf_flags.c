#include <stdio.h>

int main(void)
{
    int v = 42, neg = -42;
    printf("[%d] [%i] [%5d] [%-5d|] [%05d] [%+d] [% d] [%+d] [% d]\n", v, v, v, v, v, v, v, neg, neg);
    printf("[%-+6d] [%+06d] [%-06d] [% 05d] [%05d]\n", v, v, v, v, neg);
    printf("[%.3d] [%8.3d] [%-8.3d|] [%.0d] [%.0d]\n", v, v, v, 0, 1);
    printf("[%u] [%x] [%X] [%#x] [%#X] [%#x] [%08x] [%#010x]\n", 3000000000u, 48879, 48879, 255, 255, 0, 0xab, 0xab);
    printf("[%#.4x] [%-#8x|] [%.8X]\n", 0x1f, 0x1f, 0xdead);
    printf("[%c] [%3c] [%-3c|] [%c]\n", 'A', 'B', 'C', 65 + 25);
    printf("[%s] [%10s] [%-10s|] [%.3s] [%10.2s] [%-6.4s|]\n", "text", "right", "left", "abcdef", "xyz", "truncate");
    printf("[%*d] [%-*d|] [%.*d] [%*.*s]\n", 6, 7, 6, 7, 4, 7, 5, 2, "stars");
    printf("[%*d] negative width means left-justify\n", -6, 9);
    printf("[%.*s] negative precision ignored\n", -1, "all");
    printf("[%%] [%%%%] literal percent\n");
    printf("[%hhd] [%hhu] [%hd] [%hu] [%hhx]\n", 300, 300, 70000, 70000, 0x1ff);
    printf("[%ld] [%lu] [%lx] [%lld] [%llu] [%llx]\n", -5L, 5UL, 0xfffffffffUL, -123456789012LL, 123456789012ULL, 0xfedcba9876ULL);
    printf("[%zu] [%zx] [%zd]\n", sizeof(long), (size_t)255, (size_t)17);
    printf("[%li] [%lli] [%hi]\n", -7L, -8LL, (short)-9);
    printf("[%+.2d] [% .3d] [%-+5d|]\n", 5, 5, -3);
    printf("[%+u] [% u] ignored flags on unsigned\n", 5u, 5u);
    printf("[%.0s] [%s]\n", "gone", "");
    printf("[%x] [%X] negative via unsigned\n", -1, -255);
    int w = printf("count me\n");
    printf("printf returned %d\n", w);
    return 0;
}
