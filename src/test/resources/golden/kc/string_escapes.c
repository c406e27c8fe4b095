#include <stdio.h>
#include <string.h>

int main(void)
{
    printf("tab:[\t] backslash:[\\] quote:[\"] apos:[\'] hex:[\x41] oct:[\101]\n");
    char s[] = "ab\0cd";
    printf("sizeof with embedded NUL = %zu, strlen = %zu\n", sizeof s, strlen(s));
    printf("s[3] = %c\n", s[3]);
    printf("char literals: %d %d %d %d %d %d %d\n", '\n', '\t', '\\', '\'', '"', '\x41', '\101');
    printf("'\\0' = %d, '\\x7f' = %d, '\\377' = %d\n", '\0', '\x7f', '\377');
    const char *cat = "con" "cat" "enated";
    printf("%s (%zu)\n", cat, strlen(cat));
    const char *multi = "line one\n"
                        "line two\n";
    printf("%s", multi);
    printf("sizeof \"abc\" = %zu\n", sizeof "abc");
    printf("\"xyz\"[1] = %c\n", "xyz"[1]);
    printf("\x48\x65\x6c\x6c\x6f\n");
    printf("%c%c%c\n", 'O', 'K', '!');
    char esc[] = "\a\b\f\r\v\?";
    for (size_t i = 0; i < sizeof esc; i++)
        printf("%d ", esc[i]);
    printf("\n");
    printf("percent in string: 100%%\n");
    puts("puts adds newline: \"quoted\"");
    char q = '\'';
    putchar(q);
    putchar('\n');
    return 0;
}
