/* spinlab's model of <linux/init.h>: section annotations (empty) and module entry points. */
#ifndef _SPINLAB_LINUX_INIT_H
#define _SPINLAB_LINUX_INIT_H

#define __init
#define __exit
#define __initdata
#define __exitdata
#define __initconst

/*
 * The model kernel finds a module's entry points through these specially named variables
 * (static, so two modules may use the same function names). Each expansion is a whole
 * declaration with its own ';', as the kernel's is (include/linux/module.h ends it with
 * ___ADDRESSABLE(), a declaration): so `module_init(f)` stands without a ';' (lib/percpu_test.c,
 * samples/kprobes write it so), and `module_init(f);` leaves an empty declaration, which C
 * allows at file scope. A module has at most one of each, as in the kernel.
 */
#define module_init(fn) static int (*__spinlab_initcall_##fn)(void) = fn;
#define module_exit(fn) static void (*__spinlab_exitcall_##fn)(void) = fn;

/*
 * In a module every initcall level is module_init() (include/linux/module.h under MODULE):
 * the module is loaded after the whole boot, so there are no levels left to order.
 */
#define early_initcall(fn) module_init(fn)
#define pure_initcall(fn) module_init(fn)
#define core_initcall(fn) module_init(fn)
#define core_initcall_sync(fn) module_init(fn)
#define postcore_initcall(fn) module_init(fn)
#define postcore_initcall_sync(fn) module_init(fn)
#define arch_initcall(fn) module_init(fn)
#define arch_initcall_sync(fn) module_init(fn)
#define subsys_initcall(fn) module_init(fn)
#define subsys_initcall_sync(fn) module_init(fn)
#define fs_initcall(fn) module_init(fn)
#define fs_initcall_sync(fn) module_init(fn)
#define rootfs_initcall(fn) module_init(fn)
#define device_initcall(fn) module_init(fn)
#define device_initcall_sync(fn) module_init(fn)
#define late_initcall(fn) module_init(fn)
#define late_initcall_sync(fn) module_init(fn)
#define console_initcall(fn) module_init(fn)

#endif
