/* spinlab's model of <linux/module.h>: the module structure, entry points and metadata. */
#ifndef _SPINLAB_LINUX_MODULE_H
#define _SPINLAB_LINUX_MODULE_H

#include <linux/types.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/moduleparam.h>
#include <linux/stringify.h>
#include <linux/stat.h>
/* what the kernel's module.h brings through kmod.h, kobject.h, srcu.h and percpu.h */
#include <linux/gfp.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/wait.h>
#include <linux/workqueue.h>
#include <linux/kref.h>
#include <linux/percpu.h>

/* MODULE_NAME_LEN is 64 - sizeof(unsigned long) in the kernel. */
#define MODULE_NAME_LEN 56

enum module_state {
    MODULE_STATE_LIVE,      /* normal state */
    MODULE_STATE_COMING,    /* fully formed, running module_init */
    MODULE_STATE_GOING,     /* going away */
    MODULE_STATE_UNFORMED,  /* still setting it up, or gone */
};

/*
 * What the model keeps of a loaded module (kernel/module/main.c fills it from the files the
 * machine compiled; THIS_MODULE stays NULL, since a module's code has no per-module symbol
 * to point at).
 */
struct module {
    enum module_state state;
    char name[MODULE_NAME_LEN];
    int (*init)(void);
    void (*exit)(void);
    const struct kernel_param **kp;   /* the kernel has an array of structs; the model pointers */
    unsigned int num_kp;
    char *args;                       /* the insmod command line's parameters, "irq=7 debug" */
    void *mkobj;                      /* /sys/module/NAME (kernel/params.c) */
};

#define THIS_MODULE ((struct module *)0)

#define MODULE_LICENSE(license) extern int __spinlab_modinfo_unused
#define MODULE_AUTHOR(author) extern int __spinlab_modinfo_unused
#define MODULE_DESCRIPTION(text) extern int __spinlab_modinfo_unused
#define MODULE_VERSION(version) extern int __spinlab_modinfo_unused
#define MODULE_ALIAS(alias) extern int __spinlab_modinfo_unused
#define MODULE_SOFTDEP(dep) extern int __spinlab_modinfo_unused
#define MODULE_INFO(tag, info) extern int __spinlab_modinfo_unused
#define MODULE_FIRMWARE(fw) extern int __spinlab_modinfo_unused
#define MODULE_IMPORT_NS(ns) extern int __spinlab_modinfo_unused
#define MODULE_DEVICE_TABLE(type, table) extern int __spinlab_modinfo_unused
#define EXPORT_SYMBOL(sym) extern int __spinlab_modinfo_unused
#define EXPORT_SYMBOL_GPL(sym) extern int __spinlab_modinfo_unused
#define EXPORT_SYMBOL_NS(sym, ns) extern int __spinlab_modinfo_unused
#define EXPORT_SYMBOL_NS_GPL(sym, ns) extern int __spinlab_modinfo_unused

/* A module cannot be unloaded while its code is in use; the model counts no references. */
#define try_module_get(mod) 1
#define module_put(mod) do { } while (0)
#define __module_get(mod) do { } while (0)

#endif
