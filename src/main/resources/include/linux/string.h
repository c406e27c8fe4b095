/*
 * spinlab's model of <linux/string.h>: the kernel's string and memory functions. The classic
 * ones (strlen, memcpy, ...) are machine primitives (the interpreter's libc); the kernel's own
 * additions (strscpy, strsep, strim, kstrdup, memdup_user, ...) are C in lib/string.c and
 * mm/util.c.
 */
#ifndef _SPINLAB_LINUX_STRING_H
#define _SPINLAB_LINUX_STRING_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/err.h>
#include <linux/errno.h>

size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strcpy(char *dst, const char *src);
char *strncpy(char *dst, const char *src, size_t n);
char *strcat(char *dst, const char *src);
char *strchr(const char *s, int c);
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *s, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
int snprintf(char *buf, size_t size, const char *fmt, ...);
int sprintf(char *buf, const char *fmt, ...);

/* lib/string.c */
ssize_t strscpy(char *dest, const char *src, size_t count);
ssize_t strscpy_pad(char *dest, const char *src, size_t count);
size_t strlcpy(char *dest, const char *src, size_t size);
size_t strlcat(char *dest, const char *src, size_t count);
char *strncat(char *dest, const char *src, size_t count);
size_t strnlen(const char *s, size_t count);
char *strrchr(const char *s, int c);
char *strnchr(const char *s, size_t count, int c);
char *strchrnul(const char *s, int c);
char *strstr(const char *s1, const char *s2);
char *strnstr(const char *s1, const char *s2, size_t len);
char *strpbrk(const char *cs, const char *ct);
char *strsep(char **s, const char *ct);
size_t strspn(const char *s, const char *accept);
size_t strcspn(const char *s, const char *reject);
int strcasecmp(const char *s1, const char *s2);
int strncasecmp(const char *s1, const char *s2, size_t len);
void *memchr(const void *s, int c, size_t n);
void *memchr_inv(const void *start, int c, size_t bytes);
void *memscan(void *addr, int c, size_t size);
char *skip_spaces(const char *str);
char *strim(char *s);
bool sysfs_streq(const char *s1, const char *s2);
int match_string(const char * const *array, size_t n, const char *string);
void memzero_explicit(void *s, size_t count);

/* a macro, not an inline: a program that includes this header but never calls it links */
#define strstrip(str) strim(str)

/* mm/util.c */
char *kstrdup(const char *s, gfp_t gfp);
const char *kstrdup_const(const char *s, gfp_t gfp);
char *kstrndup(const char *s, size_t max, gfp_t gfp);
void *kmemdup(const void *src, size_t len, gfp_t gfp);
char *kmemdup_nul(const char *s, size_t len, gfp_t gfp);
void *memdup_user(const void __user *src, size_t len);
void *vmemdup_user(const void __user *src, size_t len);
char *strndup_user(const char __user *s, long n);
void *memdup_user_nul(const void __user *src, size_t len);
void kfree_const(const void *x);

#endif
