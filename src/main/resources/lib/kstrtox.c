/*
 * spinlab's model of lib/kstrtox.c: the kernel's strict string-to-integer conversions, and
 * their _from_user forms, which copy at most a small buffer's worth from user space first.
 * Also simple_strto*() (lib/vsprintf.c in the kernel), the lenient parsers that share the
 * radix and digit rules.
 */
#include <linux/kernel.h>
#include <linux/kstrtox.h>
#include <linux/ctype.h>
#include <linux/errno.h>
#include <linux/uaccess.h>

#define KSTRTOX_OVERFLOW (1U << 31)

/* base 0: "0x" means 16, a leading 0 means 8, else 10; base 16 skips an optional "0x" */
static const char *_parse_integer_fixup_radix(const char *s, unsigned int *base)
{
    if (*base == 0) {
        if (s[0] == '0') {
            if ((s[1] | 0x20) == 'x' && isxdigit(s[2]))
                *base = 16;
            else
                *base = 8;
        } else {
            *base = 10;
        }
    }
    if (*base == 16 && s[0] == '0' && (s[1] | 0x20) == 'x')
        s += 2;
    return s;
}

/* Digits of the base from s: their number (| KSTRTOX_OVERFLOW if the value did not fit) */
static unsigned int _parse_integer(const char *s, unsigned int base, unsigned long long *p)
{
    unsigned long long res = 0;
    unsigned int rv = 0;

    for (;;) {
        unsigned int c = *s;
        unsigned int lc = c | 0x20;
        unsigned int val;

        if (c >= '0' && c <= '9')
            val = c - '0';
        else if (lc >= 'a' && lc <= 'f')
            val = lc - 'a' + 10;
        else
            break;
        if (val >= base)
            break;
        if (res > (~0ULL - val) / base)
            rv |= KSTRTOX_OVERFLOW;
        res = res * base + val;
        rv++;
        s++;
    }
    *p = res;
    return rv;
}

static int _kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
    unsigned long long _res;
    unsigned int rv;

    s = _parse_integer_fixup_radix(s, &base);
    rv = _parse_integer(s, base, &_res);
    if (rv & KSTRTOX_OVERFLOW)
        return -ERANGE;
    if (rv == 0)
        return -EINVAL;
    s += rv;
    if (*s == '\n')
        s++;
    if (*s)
        return -EINVAL;
    *res = _res;
    return 0;
}

int kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
    if (s[0] == '+')
        s++;
    return _kstrtoull(s, base, res);
}

int kstrtoll(const char *s, unsigned int base, long long *res)
{
    unsigned long long tmp;
    int rv;

    if (s[0] == '-') {
        rv = _kstrtoull(s + 1, base, &tmp);
        if (rv < 0)
            return rv;
        if ((long long)-tmp > 0)
            return -ERANGE;
        *res = -tmp;
    } else {
        rv = kstrtoull(s, base, &tmp);
        if (rv < 0)
            return rv;
        if ((long long)tmp < 0)
            return -ERANGE;
        *res = tmp;
    }
    return 0;
}

int kstrtoul(const char *s, unsigned int base, unsigned long *res)
{
    return kstrtoull(s, base, (unsigned long long *)res);
}

int kstrtol(const char *s, unsigned int base, long *res)
{
    return kstrtoll(s, base, (long long *)res);
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

/* y/Y/1/on and n/N/0/off, as the kernel reads boolean parameters */
int kstrtobool(const char *s, bool *res)
{
    if (!s)
        return -EINVAL;
    switch (s[0]) {
    case 'y':
    case 'Y':
    case '1':
        *res = true;
        return 0;
    case 'n':
    case 'N':
    case '0':
        *res = false;
        return 0;
    case 'o':
    case 'O':
        switch (s[1]) {
        case 'n':
        case 'N':
            *res = true;
            return 0;
        case 'f':
        case 'F':
            *res = false;
            return 0;
        default:
            break;
        }
        break;
    default:
        break;
    }
    return -EINVAL;
}

/* The _from_user forms copy at most 24 bytes (a u64 in octal with its prefix) first. */
static int copy_number_from_user(char *buf, const char __user *s, size_t count)
{
    count = min(count, (size_t)23);
    if (copy_from_user(buf, s, count))
        return -EFAULT;
    buf[count] = '\0';
    return 0;
}

int kstrtoull_from_user(const char __user *s, size_t count, unsigned int base, unsigned long long *res)
{
    char buf[24];
    if (copy_number_from_user(buf, s, count))
        return -EFAULT;
    return kstrtoull(buf, base, res);
}

int kstrtoll_from_user(const char __user *s, size_t count, unsigned int base, long long *res)
{
    char buf[24];
    if (copy_number_from_user(buf, s, count))
        return -EFAULT;
    return kstrtoll(buf, base, res);
}

int kstrtoul_from_user(const char __user *s, size_t count, unsigned int base, unsigned long *res)
{
    char buf[24];
    if (copy_number_from_user(buf, s, count))
        return -EFAULT;
    return kstrtoul(buf, base, res);
}

int kstrtol_from_user(const char __user *s, size_t count, unsigned int base, long *res)
{
    char buf[24];
    if (copy_number_from_user(buf, s, count))
        return -EFAULT;
    return kstrtol(buf, base, res);
}

int kstrtouint_from_user(const char __user *s, size_t count, unsigned int base, unsigned int *res)
{
    char buf[24];
    if (copy_number_from_user(buf, s, count))
        return -EFAULT;
    return kstrtouint(buf, base, res);
}

int kstrtoint_from_user(const char __user *s, size_t count, unsigned int base, int *res)
{
    char buf[24];
    if (copy_number_from_user(buf, s, count))
        return -EFAULT;
    return kstrtoint(buf, base, res);
}

int kstrtou16_from_user(const char __user *s, size_t count, unsigned int base, u16 *res)
{
    char buf[24];
    if (copy_number_from_user(buf, s, count))
        return -EFAULT;
    return kstrtou16(buf, base, res);
}

int kstrtos16_from_user(const char __user *s, size_t count, unsigned int base, s16 *res)
{
    char buf[24];
    if (copy_number_from_user(buf, s, count))
        return -EFAULT;
    return kstrtos16(buf, base, res);
}

int kstrtou8_from_user(const char __user *s, size_t count, unsigned int base, u8 *res)
{
    char buf[24];
    if (copy_number_from_user(buf, s, count))
        return -EFAULT;
    return kstrtou8(buf, base, res);
}

int kstrtos8_from_user(const char __user *s, size_t count, unsigned int base, s8 *res)
{
    char buf[24];
    if (copy_number_from_user(buf, s, count))
        return -EFAULT;
    return kstrtos8(buf, base, res);
}

int kstrtobool_from_user(const char __user *s, size_t count, bool *res)
{
    char buf[4];
    count = min(count, sizeof(buf) - 1);
    if (copy_from_user(buf, s, count))
        return -EFAULT;
    buf[count] = '\0';
    return kstrtobool(buf, res);
}

/* ---- lib/vsprintf.c: simple_strto*(), which stop at the first character not a digit ---- */

unsigned long long simple_strtoull(const char *cp, char **endp, unsigned int base)
{
    unsigned long long result;
    unsigned int rv;

    cp = _parse_integer_fixup_radix(cp, &base);
    rv = _parse_integer(cp, base, &result);
    cp += (rv & ~KSTRTOX_OVERFLOW);
    if (endp)
        *endp = (char *)cp;
    return result;
}

unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base)
{
    return simple_strtoull(cp, endp, base);
}

long long simple_strtoll(const char *cp, char **endp, unsigned int base)
{
    if (*cp == '-')
        return -simple_strtoull(cp + 1, endp, base);
    return simple_strtoull(cp, endp, base);
}

long simple_strtol(const char *cp, char **endp, unsigned int base)
{
    return simple_strtoll(cp, endp, base);
}
