/*
 * spinlab's model of <linux/moduleparam.h>: module parameters, set insmod-style
 * ("irq=7 name=eth1") before the module's init runs (kernel/params.c: parse_args).
 * A parameter is a struct kernel_param as in the kernel; the kernel collects them from the
 * __param section, the model from their names (__spinlab_param_NAME, one per file).
 */
#ifndef _SPINLAB_LINUX_MODULEPARAM_H
#define _SPINLAB_LINUX_MODULEPARAM_H

#include <linux/types.h>
#include <linux/init.h>
#include <linux/stringify.h>

struct module;
struct kernel_param;

#ifdef MODULE
#define MODULE_PARAM_PREFIX /* empty: a module's parameters are named by themselves */
#else
#define MODULE_PARAM_PREFIX KBUILD_MODNAME "."
#endif

/* The parameter takes no value ("debug" alone, as a bool does). */
#define KERNEL_PARAM_OPS_FL_NOARG (1 << 0)

struct kernel_param_ops {
    unsigned int flags;
    int (*set)(const char *val, const struct kernel_param *kp);
    int (*get)(char *buffer, const struct kernel_param *kp);
    void (*free)(void *arg);
};

struct kparam_string {
    unsigned int maxlen;
    char *string;
};

struct kparam_array {
    unsigned int max;
    unsigned int elemsize;
    unsigned int *num;
    const struct kernel_param_ops *ops;
    void *elem;
};

struct kernel_param {
    const char *name;
    struct module *mod;
    const struct kernel_param_ops *ops;
    u16 perm;
    s8 level;
    u8 flags;
    union {
        void *arg;
        const struct kparam_string *str;
        const struct kparam_array *arr;
    };
};

/* Metadata (modinfo) and compile-time type checks: no effect in the model. */
extern int __spinlab_modinfo_unused;
#define __MODULE_PARM_TYPE(name, _type) extern int __spinlab_modinfo_unused
#define MODULE_PARM_DESC(_parm, desc) extern int __spinlab_modinfo_unused
#define __param_check(name, p, type) extern int __spinlab_modinfo_unused
#define param_check_byte(name, p) __param_check(name, p, unsigned char)
#define param_check_short(name, p) __param_check(name, p, short)
#define param_check_ushort(name, p) __param_check(name, p, unsigned short)
#define param_check_int(name, p) __param_check(name, p, int)
#define param_check_uint(name, p) __param_check(name, p, unsigned int)
#define param_check_long(name, p) __param_check(name, p, long)
#define param_check_ulong(name, p) __param_check(name, p, unsigned long)
#define param_check_ullong(name, p) __param_check(name, p, unsigned long long)
#define param_check_hexint(name, p) __param_check(name, p, unsigned int)
#define param_check_charp(name, p) __param_check(name, p, char *)
#define param_check_bool(name, p) __param_check(name, p, bool)
#define param_check_invbool(name, p) __param_check(name, p, bool)

#define __module_param_call(prefix, name, ops, arg, perm, level, flags) \
    static const char __param_str_##name[] = prefix #name; \
    struct kernel_param __spinlab_param_##name = { __param_str_##name, THIS_MODULE, ops, perm, level, flags, { arg } }

#define module_param_cb(name, ops, arg, perm) __module_param_call(MODULE_PARAM_PREFIX, name, ops, arg, perm, -1, 0)
#define module_param_cb_unsafe(name, ops, arg, perm) module_param_cb(name, ops, arg, perm)

#define module_param_named(name, value, type, perm) \
    param_check_##type(name, &(value)); \
    module_param_cb(name, &param_ops_##type, &value, perm); \
    __MODULE_PARM_TYPE(name, #type)
#define module_param_named_unsafe(name, value, type, perm) module_param_named(name, value, type, perm)
#define module_param(name, type, perm) module_param_named(name, name, type, perm)
#define module_param_unsafe(name, type, perm) module_param_named(name, name, type, perm)

/* hwtype (ioport, irq, iomem, dma, other) only tells lockdown what the value is. */
#define module_param_hw_named(name, value, type, hwtype, perm) \
    param_check_##type(name, &(value)); \
    module_param_cb(name, &param_ops_##type, &value, perm); \
    __MODULE_PARM_TYPE(name, #type)
#define module_param_hw(name, type, hwtype, perm) module_param_hw_named(name, name, type, hwtype, perm)

#define module_param_string(name, string, len, perm) \
    static const struct kparam_string __param_string_##name = { len, string }; \
    __module_param_call(MODULE_PARAM_PREFIX, name, &param_ops_string, .str = &__param_string_##name, perm, -1, 0); \
    __MODULE_PARM_TYPE(name, "string")

#define module_param_array_named(name, array, type, nump, perm) \
    param_check_##type(name, &(array)[0]); \
    static const struct kparam_array __param_arr_##name = { \
        .max = sizeof(array) / sizeof((array)[0]), .num = (unsigned int *)(nump), .ops = &param_ops_##type, \
        .elemsize = sizeof((array)[0]), .elem = array }; \
    __module_param_call(MODULE_PARAM_PREFIX, name, &param_array_ops, .arr = &__param_arr_##name, perm, -1, 0); \
    __MODULE_PARM_TYPE(name, "array of " #type)
#define module_param_array(name, type, nump, perm) module_param_array_named(name, name, type, nump, perm)
#define module_param_hw_array(name, type, hwtype, nump, perm) module_param_array_named(name, name, type, nump, perm)

#define core_param(name, var, type, perm) module_param_named(name, var, type, perm)

extern const struct kernel_param_ops param_ops_byte;
extern const struct kernel_param_ops param_ops_short;
extern const struct kernel_param_ops param_ops_ushort;
extern const struct kernel_param_ops param_ops_int;
extern const struct kernel_param_ops param_ops_uint;
extern const struct kernel_param_ops param_ops_long;
extern const struct kernel_param_ops param_ops_ulong;
extern const struct kernel_param_ops param_ops_ullong;
extern const struct kernel_param_ops param_ops_hexint;
extern const struct kernel_param_ops param_ops_charp;
extern const struct kernel_param_ops param_ops_bool;
extern const struct kernel_param_ops param_ops_invbool;
extern const struct kernel_param_ops param_ops_string;
extern const struct kernel_param_ops param_array_ops;

int param_set_byte(const char *val, const struct kernel_param *kp);
int param_get_byte(char *buffer, const struct kernel_param *kp);
int param_set_short(const char *val, const struct kernel_param *kp);
int param_get_short(char *buffer, const struct kernel_param *kp);
int param_set_ushort(const char *val, const struct kernel_param *kp);
int param_get_ushort(char *buffer, const struct kernel_param *kp);
int param_set_int(const char *val, const struct kernel_param *kp);
int param_get_int(char *buffer, const struct kernel_param *kp);
int param_set_uint(const char *val, const struct kernel_param *kp);
int param_get_uint(char *buffer, const struct kernel_param *kp);
int param_set_long(const char *val, const struct kernel_param *kp);
int param_get_long(char *buffer, const struct kernel_param *kp);
int param_set_ulong(const char *val, const struct kernel_param *kp);
int param_get_ulong(char *buffer, const struct kernel_param *kp);
int param_set_ullong(const char *val, const struct kernel_param *kp);
int param_get_ullong(char *buffer, const struct kernel_param *kp);
int param_set_hexint(const char *val, const struct kernel_param *kp);
int param_get_hexint(char *buffer, const struct kernel_param *kp);
int param_set_charp(const char *val, const struct kernel_param *kp);
int param_get_charp(char *buffer, const struct kernel_param *kp);
int param_set_bool(const char *val, const struct kernel_param *kp);
int param_get_bool(char *buffer, const struct kernel_param *kp);
int param_set_invbool(const char *val, const struct kernel_param *kp);
int param_get_invbool(char *buffer, const struct kernel_param *kp);
int param_set_copystring(const char *val, const struct kernel_param *kp);
int param_get_string(char *buffer, const struct kernel_param *kp);

char *parse_args(const char *doing, char *args, const struct kernel_param **params, unsigned int num,
                 s16 min_level, s16 max_level, void *arg,
                 int (*unknown)(char *param, char *val, const char *doing, void *arg));

#endif
