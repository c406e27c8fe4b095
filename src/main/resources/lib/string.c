/*
 * spinlab's model of lib/string.c: the kernel's own string functions (the C library's classic
 * ones are machine primitives). Written from the kernel's documented contracts: strscpy()
 * returns the length copied or -E2BIG when truncated, and always terminates a non-empty buffer.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/ctype.h>
#include <linux/errno.h>

ssize_t strscpy(char *dest, const char *src, size_t count)
{
    size_t i;

    if (count == 0)
        return -E2BIG;
    for (i = 0; i < count; i++) {
        dest[i] = src[i];
        if (!dest[i])
            return i;
    }
    dest[count - 1] = '\0';
    return -E2BIG;
}

ssize_t strscpy_pad(char *dest, const char *src, size_t count)
{
    ssize_t written = strscpy(dest, src, count);

    if (written < 0 || written == count - 1)
        return written;
    memset(dest + written + 1, 0, count - written - 1);
    return written;
}

size_t strlcpy(char *dest, const char *src, size_t size)
{
    size_t ret = strlen(src);

    if (size) {
        size_t len = (ret >= size) ? size - 1 : ret;
        memcpy(dest, src, len);
        dest[len] = '\0';
    }
    return ret;
}

size_t strlcat(char *dest, const char *src, size_t count)
{
    size_t dsize = strlen(dest);
    size_t len = strlen(src);
    size_t res = dsize + len;

    dest += dsize;
    count -= dsize;
    if (len >= count)
        len = count - 1;
    memcpy(dest, src, len);
    dest[len] = 0;
    return res;
}

char *strncat(char *dest, const char *src, size_t count)
{
    char *tmp = dest;

    if (count) {
        while (*dest)
            dest++;
        while ((*dest++ = *src++) != 0) {
            if (--count == 0) {
                *dest = '\0';
                break;
            }
        }
    }
    return tmp;
}

size_t strnlen(const char *s, size_t count)
{
    const char *sc;

    for (sc = s; count-- && *sc != '\0'; ++sc)
        ;
    return sc - s;
}

char *strrchr(const char *s, int c)
{
    const char *last = NULL;

    do {
        if (*s == (char)c)
            last = s;
    } while (*s++);
    return (char *)last;
}

char *strnchr(const char *s, size_t count, int c)
{
    while (count--) {
        if (*s == (char)c)
            return (char *)s;
        if (*s++ == '\0')
            break;
    }
    return NULL;
}

char *strchrnul(const char *s, int c)
{
    while (*s && *s != (char)c)
        s++;
    return (char *)s;
}

char *strstr(const char *s1, const char *s2)
{
    size_t l1, l2;

    l2 = strlen(s2);
    if (!l2)
        return (char *)s1;
    l1 = strlen(s1);
    while (l1 >= l2) {
        l1--;
        if (!memcmp(s1, s2, l2))
            return (char *)s1;
        s1++;
    }
    return NULL;
}

char *strnstr(const char *s1, const char *s2, size_t len)
{
    size_t l2 = strlen(s2);

    if (!l2)
        return (char *)s1;
    while (len >= l2) {
        len--;
        if (!memcmp(s1, s2, l2))
            return (char *)s1;
        s1++;
    }
    return NULL;
}

char *strpbrk(const char *cs, const char *ct)
{
    const char *sc;

    for (sc = cs; *sc != '\0'; ++sc) {
        if (strchr(ct, *sc))
            return (char *)sc;
    }
    return NULL;
}

char *strsep(char **s, const char *ct)
{
    char *sbegin = *s;
    char *end;

    if (sbegin == NULL)
        return NULL;
    end = strpbrk(sbegin, ct);
    if (end)
        *end++ = '\0';
    *s = end;
    return sbegin;
}

size_t strspn(const char *s, const char *accept)
{
    const char *p;

    for (p = s; *p != '\0'; ++p) {
        if (!strchr(accept, *p))
            break;
    }
    return p - s;
}

size_t strcspn(const char *s, const char *reject)
{
    const char *p;

    for (p = s; *p != '\0'; ++p) {
        if (strchr(reject, *p))
            break;
    }
    return p - s;
}

int strcasecmp(const char *s1, const char *s2)
{
    int c1, c2;

    do {
        c1 = tolower(*s1++);
        c2 = tolower(*s2++);
    } while (c1 == c2 && c1 != 0);
    return c1 - c2;
}

int strncasecmp(const char *s1, const char *s2, size_t len)
{
    unsigned char c1, c2;

    if (!len)
        return 0;
    do {
        c1 = *s1++;
        c2 = *s2++;
        if (!c1 || !c2)
            break;
        if (c1 == c2)
            continue;
        c1 = tolower(c1);
        c2 = tolower(c2);
        if (c1 != c2)
            break;
    } while (--len);
    return (int)c1 - (int)c2;
}

void *memchr(const void *s, int c, size_t n)
{
    const unsigned char *p = s;

    while (n-- != 0) {
        if ((unsigned char)c == *p++)
            return (void *)(p - 1);
    }
    return NULL;
}

void *memchr_inv(const void *start, int c, size_t bytes)
{
    const u8 *p = start;

    while (bytes--) {
        if (*p != (u8)c)
            return (void *)p;
        p++;
    }
    return NULL;
}

void *memscan(void *addr, int c, size_t size)
{
    unsigned char *p = addr;

    while (size) {
        if (*p == (unsigned char)c)
            return (void *)p;
        p++;
        size--;
    }
    return (void *)p;
}

char *skip_spaces(const char *str)
{
    while (isspace(*str))
        ++str;
    return (char *)str;
}

/* Removes trailing white space in place; returns the first non-space character. */
char *strim(char *s)
{
    size_t size;
    char *end;

    size = strlen(s);
    if (!size)
        return s;
    end = s + size - 1;
    while (end >= s && isspace(*end))
        end--;
    *(end + 1) = '\0';
    return skip_spaces(s);
}

/* Equal, ignoring one trailing newline on either side (what a sysfs store receives). */
bool sysfs_streq(const char *s1, const char *s2)
{
    while (*s1 && *s1 == *s2) {
        s1++;
        s2++;
    }
    if (*s1 == *s2)
        return true;
    if (!*s1 && *s2 == '\n' && !s2[1])
        return true;
    if (*s1 == '\n' && !s1[1] && !*s2)
        return true;
    return false;
}

int match_string(const char * const *array, size_t n, const char *string)
{
    int index;
    const char *item;

    for (index = 0; index < n; index++) {
        item = array[index];
        if (!item)
            break;
        if (!strcmp(item, string))
            return index;
    }
    return -EINVAL;
}

void memzero_explicit(void *s, size_t count)
{
    memset(s, 0, count);
}
