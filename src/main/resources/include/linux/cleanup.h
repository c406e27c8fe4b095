/*
 * spinlab's model of <linux/cleanup.h> as of Linux 6.6: scope-based resource management over
 * gcc's __attribute__((cleanup(f))) (the kernel's __cleanup(), <linux/compiler.h>), which kc
 * implements: f(&var) runs whenever var's scope is left, by the end of its block, return,
 * break, continue or goto, the most recently declared first.
 *
 *  __free(name)           a variable attribute: its value is released by the helper that
 *                         DEFINE_FREE(name, type, expr) defined (expr sees the value as _T)
 *  no_free_ptr(p)         p's value, with p set to NULL so the helper releases nothing
 *  return_ptr(p)          return no_free_ptr(p)
 *  DEFINE_CLASS(name, type, exit, init, init_args...)
 *                         a type class_NAME_t with a constructor (init, from init_args) and a
 *                         destructor (exit, with _T the object's value)
 *  CLASS(name, var)(args) declares var, constructed from args, destroyed at scope exit
 *  DEFINE_GUARD(name, type, lock, unlock)
 *                         a class whose constructor runs lock and whose destructor runs
 *                         unlock, _T being the lock pointer
 *  DEFINE_LOCK_GUARD_1(name, type, lock, unlock, extra members...)
 *  DEFINE_LOCK_GUARD_0(name, lock, unlock, extra members...)
 *                         the same with a struct {type *lock; extra;} for _T (a pointer to
 *                         it), for locks needing saved state (irqsave flags) or no object (rcu)
 *  guard(name)(args)      an anonymous guard: held to the end of the enclosing scope
 *  scoped_guard(name, args) stmt
 *                         held for stmt only (a one-pass for loop owning the guard: a break
 *                         inside stmt leaves the guard's scope, as in the kernel)
 *
 * Not in 6.6, so not here: the conditional guards (DEFINE_GUARD_COND, scoped_cond_guard,
 * ACQUIRE), retain_and_null_ptr, scoped_class.
 *
 * The helpers are static inline functions in every file that includes a header defining
 * guards; kc emits those generated here (__free_*, class_*_constructor/_destructor) only
 * where they are used, as gcc drops an unused static inline function, so the guard
 * definitions in <linux/spinlock.h> and friends move no other function's address.
 */
#ifndef _SPINLAB_LINUX_CLEANUP_H
#define _SPINLAB_LINUX_CLEANUP_H

#include <linux/compiler.h>

#define DEFINE_FREE(_name, _type, _free) \
    static inline void __free_##_name(void *p) { _type _T = *(_type *)p; _free; }

#define __free(_name) __cleanup(__free_##_name)

/* like a plain (non-atomic) exchange with NULL: the __free() helper then sees NULL */
#define no_free_ptr(p) \
    ({ __auto_type __ptr = (p); (p) = NULL; __ptr; })

#define return_ptr(p) return no_free_ptr(p)

#define DEFINE_CLASS(_name, _type, _exit, _init, _init_args...) \
    typedef _type class_##_name##_t; \
    static inline void class_##_name##_destructor(_type *p) \
    { _type _T = *p; _exit; } \
    static inline _type class_##_name##_constructor(_init_args) \
    { _type t = _init; return t; }

/* class NAME##ext: NAME's type and destructor, another constructor */
#define EXTEND_CLASS(_name, ext, _init, _init_args...) \
    typedef class_##_name##_t class_##_name##ext##_t; \
    static inline void class_##_name##ext##_destructor(class_##_name##_t *p) \
    { class_##_name##_destructor(p); } \
    static inline class_##_name##_t class_##_name##ext##_constructor(_init_args) \
    { class_##_name##_t t = _init; return t; }

#define CLASS(_name, var) \
    class_##_name##_t var __cleanup(class_##_name##_destructor) = \
        class_##_name##_constructor

#define DEFINE_GUARD(_name, _type, _lock, _unlock) \
    DEFINE_CLASS(_name, _type, _unlock, ({ _lock; _T; }), _type _T)

#define guard(_name) \
    CLASS(_name, __UNIQUE_ID(guard))

#define scoped_guard(_name, args...) \
    for (CLASS(_name, scope)(args), *done = NULL; !done; done = (void *)1)

/* the struct of a lock guard: the lock pointer (NULL: nothing to undo) and saved state */
#define __DEFINE_UNLOCK_GUARD(_name, _type, _unlock, ...) \
    typedef struct { \
        _type *lock; \
        __VA_ARGS__; \
    } class_##_name##_t; \
    static inline void class_##_name##_destructor(class_##_name##_t *_T) \
    { \
        if (_T->lock) { _unlock; } \
    }

#define __DEFINE_LOCK_GUARD_1(_name, _type, _lock) \
    static inline class_##_name##_t class_##_name##_constructor(_type *l) \
    { \
        class_##_name##_t _t = { .lock = l }, *_T = &_t; \
        _lock; \
        return _t; \
    }

/* no lock object: a non-NULL token stands in for it, so the destructor runs */
#define __DEFINE_LOCK_GUARD_0(_name, _lock) \
    static inline class_##_name##_t class_##_name##_constructor(void) \
    { \
        class_##_name##_t _t = { .lock = (void *)1 }, *_T __maybe_unused = &_t; \
        _lock; \
        return _t; \
    }

#define DEFINE_LOCK_GUARD_1(_name, _type, _lock, _unlock, ...) \
    __DEFINE_UNLOCK_GUARD(_name, _type, _unlock, __VA_ARGS__) \
    __DEFINE_LOCK_GUARD_1(_name, _type, _lock)

#define DEFINE_LOCK_GUARD_0(_name, _lock, _unlock, ...) \
    __DEFINE_UNLOCK_GUARD(_name, void, _unlock, __VA_ARGS__) \
    __DEFINE_LOCK_GUARD_0(_name, _lock)

#endif
