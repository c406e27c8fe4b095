/* gcc's __attribute__((cleanup(f))): f(&var) runs whenever var's scope is left -- at the end
 * of its block, and on return (after the value is computed), break, continue and goto out of
 * the block, innermost first. */
#include <stdio.h>
#include <stdlib.h>

#define AUTO(fn) __attribute__((cleanup(fn)))

static int depth;

static void say(int *p)
{
    printf("  cleanup %d\n", *p);
}

static void drop(char **p)
{
    printf("  free %s\n", *p ? *p : "(null)");
    free(*p);
}

static int bump(int *p)          /* the return value of a cleanup function is ignored */
{
    depth -= *p;
    return 99;
}

static int order(void)
{
    int a AUTO(say) = 1;
    int b AUTO(say) = 2;
    {
        int c AUTO(say) = 3;
        printf(" inner block ends\n");
    }
    printf(" outer block ends\n");
    return 0;
}

static int value_first(void)
{
    int v AUTO(say) = 10;
    v = 11;
    return v++;                  /* returns 11; the cleanup sees 12 */
}

static void loops(void)
{
    for (int i = 0; i < 4; i++) {
        int x AUTO(say) = 100 + i;
        if (i == 1)
            continue;
        if (i == 3)
            break;
        printf(" body %d\n", i);
    }
    int n = 0;
    while (1) {
        int y AUTO(say) = 200 + n;
        do {
            int z AUTO(say) = 300 + n;
            if (n++ == 0)
                continue;        /* to the do's condition: z's scope is left */
            break;
        } while (1);
        if (n > 2)
            break;
    }
}

static int gotos(int k)
{
    int outer AUTO(say) = 400;
    int tries = 0;
again:
    {
        int in AUTO(say) = 410 + tries;
        if (++tries < 3)
            goto again;          /* leaves in's scope, not outer's */
        if (k)
            goto out;
        printf(" fell through\n");
    }
out:
    printf(" at out, tries %d\n", tries);
    return tries;
}

static int switches(int k)
{
    switch (k) {
    case 1: {
        int s AUTO(say) = 500;
        break;
    }
    default: {
        int t AUTO(say) = 501;
        return k;
    }
    }
    return -1;
}

static int stmt_expr(void)
{
    int r = ({ int w AUTO(say) = 600; w + 1; });
    printf(" statement expression gave %d\n", r);
    return r;
}

static void jump_in(void)
{
    goto in;                     /* into y's scope past its declaration: gcc accepts it, and */
    {                            /* the cleanup still runs when the block is left */
        int y AUTO(say) = 700;
    in:
        y = 701;
    }
}

struct pair { int a, b; };

static void pair_done(struct pair *p)
{
    printf("  pair %d %d\n", p->a, p->b);
}

static struct pair make_pair(void)
{
    struct pair p AUTO(pair_done) = { 1, 2 };
    p.b = 3;
    return p;                    /* copied out, then the cleanup */
}

static void heap(void)
{
    char *s AUTO(drop) = malloc(8);
    snprintf(s, 8, "hello");
    char *none AUTO(drop) = NULL;
    printf(" using %s\n", s);
}

int main(void)
{
    printf("order\n");
    order();
    printf("value_first\n");
    printf(" got %d\n", value_first());
    printf("loops\n");
    loops();
    printf("gotos\n");
    gotos(0);
    gotos(1);
    printf("switches\n");
    switches(1);
    printf(" returned %d\n", switches(2));
    printf("stmt_expr\n");
    stmt_expr();
    printf("jump_in\n");
    jump_in();
    printf("make_pair\n");
    struct pair p = make_pair();
    printf(" got %d %d\n", p.a, p.b);
    printf("heap\n");
    heap();
    depth = 10;
    {
        int d AUTO(bump) = 4;
        AUTO(say) int lead = 800, also = 801;   /* in the specifiers: every declarator */
        static int kept AUTO(say) = 1;          /* static: gcc ignores the attribute */
    }
    printf("depth %d\n", depth);
    return 0;
}
