/*
 * spinlab's model of <linux/jump_label.h>: static keys. The kernel patches a branch in place
 * (a nop or a jump); the model keeps the key's enable count and tests it, so
 * static_branch_likely/unlikely give the same results, at the cost of a load. Enabling and
 * disabling take the kernel's jump_label_mutex, which the model has no code to patch under,
 * so they are plain updates of the count (static_key_slow_inc/dec sleep in the kernel: call
 * them from process context).
 */
#ifndef _SPINLAB_LINUX_JUMP_LABEL_H
#define _SPINLAB_LINUX_JUMP_LABEL_H

#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/compiler.h>
#include <linux/build_bug.h>

struct static_key {
    atomic_t enabled;
};

struct static_key_true {
    struct static_key key;
};

struct static_key_false {
    struct static_key key;
};

#define STATIC_KEY_INIT_TRUE { .enabled = ATOMIC_INIT(1) }
#define STATIC_KEY_INIT_FALSE { .enabled = ATOMIC_INIT(0) }
#define STATIC_KEY_TRUE_INIT (struct static_key_true) { .key = STATIC_KEY_INIT_TRUE }
#define STATIC_KEY_FALSE_INIT (struct static_key_false) { .key = STATIC_KEY_INIT_FALSE }

#define DEFINE_STATIC_KEY_TRUE(name) struct static_key_true name = { .key = STATIC_KEY_INIT_TRUE }
#define DEFINE_STATIC_KEY_FALSE(name) struct static_key_false name = { .key = STATIC_KEY_INIT_FALSE }
#define DECLARE_STATIC_KEY_TRUE(name) extern struct static_key_true name
#define DECLARE_STATIC_KEY_FALSE(name) extern struct static_key_false name
#define DEFINE_STATIC_KEY_TRUE_RO(name) DEFINE_STATIC_KEY_TRUE(name)
#define DEFINE_STATIC_KEY_FALSE_RO(name) DEFINE_STATIC_KEY_FALSE(name)
#define DEFINE_STATIC_KEY_MAYBE(cfg, name) DEFINE_STATIC_KEY_FALSE(name)

static inline int static_key_count(struct static_key *key)
{
    return atomic_read(&key->enabled);
}

static inline bool static_key_enabled_raw(struct static_key *key)
{
    return static_key_count(key) > 0;
}

/*
 * static_key_enabled() takes a struct static_key as well as a static_key_true/_false, whose
 * first member is one (the kernel's macro checks the type the same way and casts).
 */
#define static_key_enabled(x)                                                          \
    ({                                                                                 \
        BUILD_BUG_ON(!__builtin_types_compatible_p(typeof(*(x)), struct static_key) && \
                     !__builtin_types_compatible_p(typeof(*(x)), struct static_key_true) && \
                     !__builtin_types_compatible_p(typeof(*(x)), struct static_key_false)); \
        static_key_enabled_raw((struct static_key *)(x));                              \
    })
#define static_branch_likely(x) likely(static_key_enabled_raw(&(x)->key))
#define static_branch_unlikely(x) unlikely(static_key_enabled_raw(&(x)->key))
#define static_key_false(key) unlikely(static_key_enabled_raw(key))
#define static_key_true(key) likely(static_key_enabled_raw(key))

static inline void static_key_slow_inc(struct static_key *key)
{
    atomic_inc(&key->enabled);
}

static inline void static_key_slow_dec(struct static_key *key)
{
    atomic_dec(&key->enabled);
}

/* enable/disable set the count to 1/0 whatever it was (static_key_enable/disable) */
static inline void static_key_enable(struct static_key *key)
{
    atomic_set(&key->enabled, 1);
}

static inline void static_key_disable(struct static_key *key)
{
    atomic_set(&key->enabled, 0);
}

#define static_branch_inc(x) static_key_slow_inc(&(x)->key)
#define static_branch_dec(x) static_key_slow_dec(&(x)->key)
#define static_branch_enable(x) static_key_enable(&(x)->key)
#define static_branch_disable(x) static_key_disable(&(x)->key)
#define static_branch_enable_cpuslocked(x) static_key_enable(&(x)->key)
#define static_branch_disable_cpuslocked(x) static_key_disable(&(x)->key)

#endif
