/*
 * A module that builds against several kernel releases, as tutorial modules do: the code it
 * compiles is chosen by LINUX_VERSION_CODE and by the configuration (IS_ENABLED, #ifdef
 * CONFIG_...), and its messages carry the module's name through pr_fmt.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/version.h>

static int __init verguard_init(void)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 4, 0)
    pr_info("built for %d.%d.%d: class_create() takes only a name\n", LINUX_VERSION_MAJOR,
            LINUX_VERSION_PATCHLEVEL, LINUX_VERSION_SUBLEVEL);
#else
    pr_info("old kernel: class_create(THIS_MODULE, name)\n");
#endif
#if LINUX_VERSION_CODE < KERNEL_VERSION(5, 6, 0)
    pr_info("struct file_operations for /proc\n");
#else
    pr_info("struct proc_ops for /proc\n");
#endif
    if (IS_ENABLED(CONFIG_SMP))
        pr_info("SMP kernel, up to %d CPUs, HZ=%d\n", CONFIG_NR_CPUS, CONFIG_HZ);
#ifdef CONFIG_PREEMPT
    pr_info("preemption: full (CONFIG_PREEMPT)\n");
#elif defined(CONFIG_PREEMPT_VOLUNTARY)
    pr_info("preemption: voluntary\n");
#else
    pr_info("preemption: none (server)\n");
#endif
    pr_info("lockdep %s, spinlock debugging %s, module build %s\n",
            IS_ENABLED(CONFIG_PROVE_LOCKING) ? "on" : "off",
            IS_BUILTIN(CONFIG_DEBUG_SPINLOCK) ? "built in" : "off",
            IS_MODULE(CONFIG_DEBUG_SPINLOCK) ? "yes" : "no");
#if IS_ENABLED(CONFIG_KCSAN)
    pr_info("KCSAN on\n");
#endif
    pr_info("file %s.c, module %s\n", KBUILD_BASENAME, KBUILD_MODNAME);
    return 0;
}

static void __exit verguard_exit(void)
{
    pr_info("goodbye\n");
}

module_init(verguard_init);
module_exit(verguard_exit);
MODULE_LICENSE("GPL");
