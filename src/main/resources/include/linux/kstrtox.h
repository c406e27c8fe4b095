/*
 * spinlab's model of <linux/kstrtox.h> (implementation in lib/kstrtox.c): strict string to
 * integer conversions. They return 0 on success, -EINVAL for a string that is not a number in
 * the base (one trailing newline is allowed) and -ERANGE for a number that does not fit.
 * Base 0 picks 16 for "0x", 8 for a leading 0, else 10; base 16 accepts a "0x" prefix.
 */
#ifndef _SPINLAB_LINUX_KSTRTOX_H
#define _SPINLAB_LINUX_KSTRTOX_H

#include <linux/compiler.h>
#include <linux/types.h>

int kstrtoull(const char *s, unsigned int base, unsigned long long *res);
int kstrtoll(const char *s, unsigned int base, long long *res);
int kstrtoul(const char *s, unsigned int base, unsigned long *res);
int kstrtol(const char *s, unsigned int base, long *res);
int kstrtouint(const char *s, unsigned int base, unsigned int *res);
int kstrtoint(const char *s, unsigned int base, int *res);
int kstrtou16(const char *s, unsigned int base, u16 *res);
int kstrtos16(const char *s, unsigned int base, s16 *res);
int kstrtou8(const char *s, unsigned int base, u8 *res);
int kstrtos8(const char *s, unsigned int base, s8 *res);
int kstrtobool(const char *s, bool *res);

#define kstrtou64(s, base, res) kstrtoull((s), (base), (unsigned long long *)(res))
#define kstrtos64(s, base, res) kstrtoll((s), (base), (long long *)(res))
#define kstrtou32(s, base, res) kstrtouint((s), (base), (unsigned int *)(res))
#define kstrtos32(s, base, res) kstrtoint((s), (base), (int *)(res))

int kstrtoull_from_user(const char __user *s, size_t count, unsigned int base, unsigned long long *res);
int kstrtoll_from_user(const char __user *s, size_t count, unsigned int base, long long *res);
int kstrtoul_from_user(const char __user *s, size_t count, unsigned int base, unsigned long *res);
int kstrtol_from_user(const char __user *s, size_t count, unsigned int base, long *res);
int kstrtouint_from_user(const char __user *s, size_t count, unsigned int base, unsigned int *res);
int kstrtoint_from_user(const char __user *s, size_t count, unsigned int base, int *res);
int kstrtou16_from_user(const char __user *s, size_t count, unsigned int base, u16 *res);
int kstrtos16_from_user(const char __user *s, size_t count, unsigned int base, s16 *res);
int kstrtou8_from_user(const char __user *s, size_t count, unsigned int base, u8 *res);
int kstrtos8_from_user(const char __user *s, size_t count, unsigned int base, s8 *res);
int kstrtobool_from_user(const char __user *s, size_t count, bool *res);

#define kstrtou64_from_user(s, c, base, res) kstrtoull_from_user((s), (c), (base), (unsigned long long *)(res))
#define kstrtos64_from_user(s, c, base, res) kstrtoll_from_user((s), (c), (base), (long long *)(res))
#define kstrtou32_from_user(s, c, base, res) kstrtouint_from_user((s), (c), (base), (unsigned int *)(res))
#define kstrtos32_from_user(s, c, base, res) kstrtoint_from_user((s), (c), (base), (int *)(res))

/* The old, lenient parsers (lib/vsprintf.c): they stop at the first non-digit. */
unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base);
long simple_strtol(const char *cp, char **endp, unsigned int base);
unsigned long long simple_strtoull(const char *cp, char **endp, unsigned int base);
long long simple_strtoll(const char *cp, char **endp, unsigned int base);

#endif
