/* spinlab's model of <linux/module.h>: module metadata, accepted and ignored. */
#ifndef _SPINLAB_LINUX_MODULE_H
#define _SPINLAB_LINUX_MODULE_H

#include <linux/types.h>
#include <linux/init.h>
#include <linux/kernel.h>

struct module;

#define THIS_MODULE ((struct module *)0)

/* Metadata has no effect in spinlab; each use becomes a harmless repeated declaration. */
extern int __spinlab_modinfo_unused;
#define MODULE_LICENSE(license) extern int __spinlab_modinfo_unused
#define MODULE_AUTHOR(author) extern int __spinlab_modinfo_unused
#define MODULE_DESCRIPTION(text) extern int __spinlab_modinfo_unused
#define MODULE_VERSION(version) extern int __spinlab_modinfo_unused
#define MODULE_ALIAS(alias) extern int __spinlab_modinfo_unused
#define MODULE_PARM_DESC(param, text) extern int __spinlab_modinfo_unused
#define MODULE_DEVICE_TABLE(type, table) extern int __spinlab_modinfo_unused
#define module_param(name, type, perm) extern int __spinlab_modinfo_unused
#define EXPORT_SYMBOL(sym) extern int __spinlab_modinfo_unused
#define EXPORT_SYMBOL_GPL(sym) extern int __spinlab_modinfo_unused

#endif
