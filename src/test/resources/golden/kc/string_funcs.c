#include <stdio.h>
#include <string.h>

int main(void)
{
    char buf[32];
    strcpy(buf, "hello");
    printf("strcpy: %s len %zu\n", buf, strlen(buf));
    strcat(buf, ", world");
    printf("strcat: %s len %zu\n", buf, strlen(buf));
    printf("strcmp: %d %d %d\n", strcmp("abc", "abc") == 0, strcmp("abc", "abd") < 0, strcmp("b", "a") > 0);
    printf("strcmp prefix: %d\n", strcmp("ab", "abc") < 0);
    printf("strncmp: %d %d\n", strncmp("abcdef", "abcxyz", 3), strncmp("abcdef", "abcxyz", 4) < 0);
    char *comma = strchr(buf, ',');
    printf("strchr: %s at %ld\n", comma, comma - buf);
    printf("strchr missing: %d\n", strchr(buf, 'z') == NULL);
    printf("strchr NUL: %ld\n", strchr(buf, '\0') - buf);
    char small[8];
    memset(small, 'X', sizeof small);
    strncpy(small, "abc", sizeof small);      /* pads with NULs */
    printf("strncpy pad: %d %d %d\n", small[3], small[7], (int)strlen(small));
    strncpy(small, "abcdefghij", 4);          /* no terminator added */
    printf("strncpy trunc: %c%c%c%c then %d\n", small[0], small[1], small[2], small[3], small[4]);
    char word[16];
    strncpy(word, "truncate-me", 8);
    word[8] = '\0';
    printf("manual terminate: %s\n", word);
    /* hand-written reverse */
    char r[] = "stressed";
    size_t n = strlen(r);
    for (size_t i = 0; i < n / 2; i++) {
        char t = r[i];
        r[i] = r[n - 1 - i];
        r[n - 1 - i] = t;
    }
    printf("reversed: %s\n", r);
    /* count words */
    const char *text = "the quick  brown fox";
    int words = 0, in = 0;
    for (const char *p = text; *p; p++) {
        if (*p != ' ' && !in) { words++; in = 1; }
        else if (*p == ' ') in = 0;
    }
    printf("words: %d\n", words);
    printf("strcmp unsigned char compare: %d\n", strcmp("\x80", "\x01") > 0);
    return 0;
}
