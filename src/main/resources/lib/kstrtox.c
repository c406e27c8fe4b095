/*
 * spinlab's model of lib/kstrtox.c: the strict conversions module parameters and drivers use.
 * Our own code after the kernel's rules: the whole string must be the number (one trailing
 * newline allowed), a base prefix only where the base allows it, overflow is -ERANGE.
 */
#include <linux/kernel.h>
#include <linux/kstrtox.h>
#include <linux/errno.h>

static int is_hex_digit(int c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* _parse_integer_fixup_radix: base 0 picks the base from the prefix; 16 skips "0x". */
static const char *kstrto_base(const char *s, unsigned int *base)
{
    if (*base == 0) {
        if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && is_hex_digit(s[2]))
            *base = 16;
        else if (s[0] == '0')
            *base = 8;
        else
            *base = 10;
    }
    if (*base == 16 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
        s += 2;
    return s;
}

static int digit_value(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 99;
}

/* Parses the unsigned part; -EINVAL without digits or with junk after them, -ERANGE on overflow. */
static int parse_unsigned(const char *s, unsigned int base, unsigned long long *res)
{
    unsigned long long acc = 0;
    int n = 0;
    int overflow = 0;
    s = kstrto_base(s, &base);
    while (*s) {
        int d = digit_value(*s);
        if (d >= (int)base)
            break;
        if (acc > (~0ULL - d) / base)
            overflow = 1;
        acc = acc * base + d;
        n++;
        s++;
    }
    if (n == 0)
        return -EINVAL;
    if (*s == '\n')
        s++;
    if (*s)
        return -EINVAL;
    if (overflow)
        return -ERANGE;
    *res = acc;
    return 0;
}

int kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
    if (s[0] == '+')
        s++;
    return parse_unsigned(s, base, res);
}

int kstrtoll(const char *s, unsigned int base, long long *res)
{
    unsigned long long tmp;
    int rv;
    if (s[0] == '-') {
        rv = parse_unsigned(s + 1, base, &tmp);
        if (rv < 0)
            return rv;
        if ((long long)-tmp > 0)
            return -ERANGE;
        *res = -tmp;
        return 0;
    }
    rv = kstrtoull(s, base, &tmp);
    if (rv < 0)
        return rv;
    if ((long long)tmp < 0)
        return -ERANGE;
    *res = tmp;
    return 0;
}

int kstrtoul(const char *s, unsigned int base, unsigned long *res)
{
    unsigned long long tmp;
    int rv = kstrtoull(s, base, &tmp);
    if (rv < 0)
        return rv;
    *res = tmp;
    return 0;
}

int kstrtol(const char *s, unsigned int base, long *res)
{
    long long tmp;
    int rv = kstrtoll(s, base, &tmp);
    if (rv < 0)
        return rv;
    *res = tmp;
    return 0;
}

int kstrtouint(const char *s, unsigned int base, unsigned int *res)
{
    unsigned long long tmp;
    int rv = kstrtoull(s, base, &tmp);
    if (rv < 0)
        return rv;
    if (tmp != (unsigned int)tmp)
        return -ERANGE;
    *res = tmp;
    return 0;
}

int kstrtoint(const char *s, unsigned int base, int *res)
{
    long long tmp;
    int rv = kstrtoll(s, base, &tmp);
    if (rv < 0)
        return rv;
    if (tmp != (int)tmp)
        return -ERANGE;
    *res = tmp;
    return 0;
}

int kstrtou16(const char *s, unsigned int base, u16 *res)
{
    unsigned long long tmp;
    int rv = kstrtoull(s, base, &tmp);
    if (rv < 0)
        return rv;
    if (tmp != (u16)tmp)
        return -ERANGE;
    *res = tmp;
    return 0;
}

int kstrtos16(const char *s, unsigned int base, s16 *res)
{
    long long tmp;
    int rv = kstrtoll(s, base, &tmp);
    if (rv < 0)
        return rv;
    if (tmp != (s16)tmp)
        return -ERANGE;
    *res = tmp;
    return 0;
}

int kstrtou8(const char *s, unsigned int base, u8 *res)
{
    unsigned long long tmp;
    int rv = kstrtoull(s, base, &tmp);
    if (rv < 0)
        return rv;
    if (tmp != (u8)tmp)
        return -ERANGE;
    *res = tmp;
    return 0;
}

int kstrtos8(const char *s, unsigned int base, s8 *res)
{
    long long tmp;
    int rv = kstrtoll(s, base, &tmp);
    if (rv < 0)
        return rv;
    if (tmp != (s8)tmp)
        return -ERANGE;
    *res = tmp;
    return 0;
}

/* y/Y/1/n/N/0, and "on"/"off" (any case), as the kernel's kstrtobool; nothing else. */
int kstrtobool(const char *s, bool *res)
{
    if (!s)
        return -EINVAL;
    switch (s[0]) {
    case 'y': case 'Y': case '1':
        *res = true;
        return 0;
    case 'n': case 'N': case '0':
        *res = false;
        return 0;
    case 'o': case 'O':
        if (s[1] == 'n' || s[1] == 'N') {
            *res = true;
            return 0;
        }
        if (s[1] == 'f' || s[1] == 'F') {
            *res = false;
            return 0;
        }
        break;
    }
    return -EINVAL;
}
