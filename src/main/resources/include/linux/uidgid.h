/*
 * spinlab's model of <linux/uidgid.h>: kuid_t and kgid_t. The model has one user namespace,
 * init_user_ns (kernel/user.c), so a kernel id is the user id itself.
 */
#ifndef _SPINLAB_LINUX_UIDGID_H
#define _SPINLAB_LINUX_UIDGID_H

#include <linux/types.h>

typedef struct {
    uid_t val;
} kuid_t;

typedef struct {
    gid_t val;
} kgid_t;

struct user_namespace {
    int level;
};

extern struct user_namespace init_user_ns;

#define KUIDT_INIT(value) (kuid_t){ value }
#define KGIDT_INIT(value) (kgid_t){ value }
#define GLOBAL_ROOT_UID KUIDT_INIT(0)
#define GLOBAL_ROOT_GID KGIDT_INIT(0)
#define INVALID_UID KUIDT_INIT(-1)
#define INVALID_GID KGIDT_INIT(-1)

static inline uid_t __kuid_val(kuid_t uid)
{
    return uid.val;
}

static inline gid_t __kgid_val(kgid_t gid)
{
    return gid.val;
}

static inline bool uid_eq(kuid_t left, kuid_t right)
{
    return __kuid_val(left) == __kuid_val(right);
}

static inline bool gid_eq(kgid_t left, kgid_t right)
{
    return __kgid_val(left) == __kgid_val(right);
}

static inline uid_t from_kuid(struct user_namespace *to, kuid_t kuid)
{
    return __kuid_val(kuid);
}

static inline gid_t from_kgid(struct user_namespace *to, kgid_t kgid)
{
    return __kgid_val(kgid);
}

#define from_kuid_munged(to, kuid) from_kuid((to), (kuid))
#define from_kgid_munged(to, kgid) from_kgid((to), (kgid))
#define make_kuid(ns, uid) KUIDT_INIT(uid)
#define make_kgid(ns, gid) KGIDT_INIT(gid)

#endif
