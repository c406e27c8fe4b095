#ifndef PP_HEADER_GUARD_H
#define PP_HEADER_GUARD_H

#define GUARD_MAGIC 0x5a
struct guarded { int a; int b; };

static int guarded_sum(const struct guarded *g)
{
    return g->a + g->b;
}

static int include_count = 1;

#endif /* PP_HEADER_GUARD_H */
