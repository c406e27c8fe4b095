/* spinlab's model of <linux/init.h>: section annotations (empty) and module entry points. */
#ifndef _SPINLAB_LINUX_INIT_H
#define _SPINLAB_LINUX_INIT_H

#define __init
#define __exit
#define __initdata
#define __exitdata
#define __initconst

/*
 * The model kernel finds a module's entry points through these specially named globals,
 * so `module_init(f);` is an ordinary declaration at file scope.
 */
#define module_init(fn) int (*__spinlab_initcall_##fn)(void) = fn
#define module_exit(fn) void (*__spinlab_exitcall_##fn)(void) = fn

#define device_initcall(fn) module_init(fn)
#define late_initcall(fn) module_init(fn)

#endif
