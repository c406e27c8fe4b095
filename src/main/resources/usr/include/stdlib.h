/* spinlab's model of <stdlib.h>: memory, exit and small integer helpers. */
#ifndef _SPINLAB_STDLIB_H
#define _SPINLAB_STDLIB_H

#include <stddef.h>

#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1

void *malloc(size_t size);
void *calloc(size_t count, size_t size);
void free(void *ptr);
void exit(int status) __attribute__((noreturn));
int atoi(const char *s);
int abs(int v);

#endif
