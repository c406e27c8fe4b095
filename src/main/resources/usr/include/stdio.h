/* spinlab's model of <stdio.h>: formatted output for user programs; no real streams. */
#ifndef _SPINLAB_STDIO_H
#define _SPINLAB_STDIO_H

#include <stddef.h>
#include <stdarg.h>

typedef struct _spinlab_FILE FILE;
extern FILE *stdin, *stdout, *stderr;

#define EOF (-1)

int printf(const char *fmt, ...);
int fprintf(FILE *stream, const char *fmt, ...);
int sprintf(char *buf, const char *fmt, ...);
int snprintf(char *buf, size_t size, const char *fmt, ...);
int vprintf(const char *fmt, va_list ap);
int vsprintf(char *buf, const char *fmt, va_list ap);
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int puts(const char *s);
int putchar(int c);
void perror(const char *s);

#endif
