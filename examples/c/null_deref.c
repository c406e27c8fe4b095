// expect: runtime: NULL pointer dereference (read of d->id, d == NULL) at 8:13 in dev_id(), called from probe() at 14:12, called from main() at 20:20; stdout so far: 'start', 'probing'
#include <stdio.h>

struct dev { int id; const char *name; };

static int dev_id(struct dev *d)
{
    return d->id;
}

static int probe(struct dev *d)
{
    printf("probing\n");
    return dev_id(d) + 1;
}

int main(void)
{
    printf("start\n");
    printf("%d\n", probe(NULL));
    return 0;
}
