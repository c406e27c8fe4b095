/* Shared declarations of the ringbuf module's three files. */
#ifndef RINGBUF_H
#define RINGBUF_H

#include <linux/types.h>

#ifndef RING_SIZE
#define RING_SIZE 16
#endif

int ring_put(int v);
int ring_get(int *v);
void stats_count(const char *what);
void stats_report(void);

#endif
