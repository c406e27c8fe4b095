/* GNU statement expressions as kernel macros use them: min/max that evaluate their
 * arguments once, a wait_event-style macro used as a value, container_of, typeof. */
#include <stdio.h>
#include <stddef.h>

#define min(a, b) ({ typeof(a) _a = (a); typeof(b) _b = (b); _a < _b ? _a : _b; })
#define max(a, b) ({ __typeof__(a) _a = (a); __typeof__(b) _b = (b); _a > _b ? _a : _b; })
#define container_of(ptr, type, member) ({ \
        const typeof(((type *)0)->member) *__mptr = (ptr); \
        (type *)((char *)__mptr - offsetof(type, member)); })

/* a condition polled until true, the value says how many polls it took */
#define poll_until(cond) ({ int __polls = 0; while (!(cond)) __polls++; __polls; })

struct item {
    int id;
    long weight;
    char tag[4];
};

static int counter;
static int next(void) { return ++counter; }

int main(void)
{
    int x = 4, y = 9;
    int m = min(x++, y++);              /* each argument once */
    printf("min=%d x=%d y=%d\n", m, x, y);
    printf("max=%ld\n", max(3L, (long)next()));
    printf("counter=%d\n", counter);

    struct item it = { 7, 300, "ab" };
    long *wp = &it.weight;
    struct item *back = container_of(wp, struct item, weight);
    printf("container_of: id=%d same=%d\n", back->id, back == &it);

    int ticks = 0;
    int polls = poll_until(++ticks >= 5);
    printf("polls=%d ticks=%d\n", polls, ticks);

    /* a block with no trailing expression is a void statement expression */
    ({ x += 10; });
    printf("x=%d\n", x);

    /* nested, with a loop and a break inside, used in a larger expression */
    int total = 100 + ({
        int s = 0;
        for (int i = 0; i < 10; i++) {
            if (i == 6)
                break;
            s += ({ int sq = i * i; sq; });
        }
        s;
    });
    printf("total=%d\n", total);

    /* the value of a statement expression may be a pointer or a struct */
    const char *name = ({ const char *n = it.tag; n + 1; });
    struct item copy = ({ struct item t = it; t.id = 8; t; });
    printf("name=%s copy.id=%d copy.weight=%ld\n", name, copy.id, copy.weight);

    /* typeof of an expression and of a type */
    typeof(it.weight) w = 1L << 40;
    typeof(int *) ip = &x;
    printf("w=%ld *ip=%d sizeof=%zu\n", w, *ip, sizeof(typeof(it.tag)));
    return min(3, 2);
}
