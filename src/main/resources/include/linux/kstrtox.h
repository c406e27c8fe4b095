/* spinlab's model of <linux/kstrtox.h>: strict string-to-integer conversions (lib/kstrtox.c). */
#ifndef _SPINLAB_LINUX_KSTRTOX_H
#define _SPINLAB_LINUX_KSTRTOX_H

#include <linux/types.h>

/*
 * Each accepts an optional sign (signed variants only: '-'; all: '+'), a number in the base
 * (0: "0x" hex, "0" octal, else decimal; 16 also accepts "0x"), and one trailing newline;
 * anything else is -EINVAL, a value that does not fit the type -ERANGE.
 */
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

#endif
