/* The shapes <linux/cleanup.h> builds on the cleanup attribute: a class with a constructor
 * and destructor, anonymous guards named with __COUNTER__, a guard struct carrying saved
 * state, scoped_guard's one-pass for loop, __free() and no_free_ptr(). */
#include <stdio.h>
#include <stdlib.h>

#define __cleanup(f) __attribute__((__cleanup__(f)))
#define ___PASTE(a, b) a##b
#define __PASTE(a, b) ___PASTE(a, b)
#define __UNIQUE_ID(p) __PASTE(__PASTE(__UNIQUE_ID_, p), __COUNTER__)

#define DEFINE_FREE(_name, _type, _free) \
    static inline void __free_##_name(void *p) { _type _T = *(_type *)p; _free; }
#define __free(_name) __cleanup(__free_##_name)
#define no_free_ptr(p) ({ __auto_type __ptr = (p); (p) = NULL; __ptr; })

#define DEFINE_CLASS(_name, _type, _exit, _init, _init_args...) \
    typedef _type class_##_name##_t; \
    static inline void class_##_name##_destructor(_type *p) { _type _T = *p; _exit; } \
    static inline _type class_##_name##_constructor(_init_args) { _type t = _init; return t; }
#define CLASS(_name, var) \
    class_##_name##_t var __cleanup(class_##_name##_destructor) = class_##_name##_constructor
#define DEFINE_GUARD(_name, _type, _lock, _unlock) \
    DEFINE_CLASS(_name, _type, _unlock, ({ _lock; _T; }), _type _T)
#define guard(_name) CLASS(_name, __UNIQUE_ID(guard))
#define scoped_guard(_name, args...) \
    for (CLASS(_name, scope)(args), *done = NULL; !done; done = (void *)1)

#define DEFINE_LOCK_GUARD_1(_name, _type, _lock, _unlock, ...) \
    typedef struct { _type *lock; __VA_ARGS__; } class_##_name##_t; \
    static inline void class_##_name##_destructor(class_##_name##_t *_T) \
    { if (_T->lock) { _unlock; } } \
    static inline class_##_name##_t class_##_name##_constructor(_type *l) \
    { class_##_name##_t _t = { .lock = l }, *_T = &_t; _lock; return _t; }

struct lock { const char *name; int held; int saved; };

static int irq_level;

static void lock(struct lock *l) { l->held++; printf("  lock %s\n", l->name); }
static void unlock(struct lock *l) { l->held--; printf("  unlock %s\n", l->name); }

DEFINE_GUARD(lk, struct lock *, lock(_T), unlock(_T))
DEFINE_LOCK_GUARD_1(lk_save, struct lock,
                    (_T->flags = irq_level++, lock(_T->lock)),
                    (unlock(_T->lock), irq_level = _T->flags), int flags)
DEFINE_FREE(release, char *, if (_T) { printf("  free %s\n", _T); free(_T); })

static struct lock a = { "a" }, b = { "b" };

static int two_guards(int fail)
{
    guard(lk)(&a);
    guard(lk_save)(&b);
    printf("  held a=%d b=%d irq_level=%d\n", a.held, b.held, irq_level);
    if (fail)
        return -1;
    return 0;
}

static int scoped(void)
{
    int n = 0;
    scoped_guard (lk, &a) {
        n = a.held;
        printf("  in scope, held %d\n", n);
    }
    printf("  after scope, held %d\n", a.held);
    for (int i = 0; i < 3; i++) {
        scoped_guard (lk_save, &b) {
            if (i == 1)
                break;   /* leaves the scoped_guard's loop only */
            printf("  pass %d level %d\n", i, irq_level);
        }
    }
    return n;
}

static char *dup_label(const char *s, int keep)
{
    char *p __free(release) = malloc(16);
    snprintf(p, 16, "%s", s);
    if (!keep)
        return NULL;
    return no_free_ptr(p);
}

int main(void)
{
    printf("two_guards(0) = %d\n", two_guards(0));
    printf("two_guards(1) = %d\n", two_guards(1));
    printf("held after: a=%d b=%d irq_level=%d\n", a.held, b.held, irq_level);
    printf("scoped() = %d\n", scoped());
    char *kept = dup_label("kept", 1);
    char *none = dup_label("dropped", 0);
    printf("kept %s, none %s\n", kept, none ? none : "(null)");
    free(kept);
    return 0;
}
