/*
 * spinlab's model of kernel/module/main.c: loading and unloading the user's modules. The
 * machine has compiled and linked each module and filled in spinlab_modules[] (name, entry
 * points, parameters, the insmod command line's arguments); what the kernel does from there
 * is here: parse the arguments (load_module), run the init function (do_init_module), and
 * on delete_module(2) run the exit function.
 */
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/err.h>

#define SPINLAB_MAX_MODULES 16

/* Filled in by the machine before boot, in load (command-line) order. */
struct module spinlab_modules[SPINLAB_MAX_MODULES];
int spinlab_nr_modules;

void *module_param_sysfs_setup(struct module *mod);
void module_param_sysfs_remove(void *handle);

/* Unknown parameters of a module are ignored with a warning ('dyndbg' is dynamic debug's). */
static int unknown_module_param_cb(char *param, char *val, const char *modname, void *arg)
{
    if (strcmp(param, "dyndbg") == 0)
        return 0;
    pr_warn("%s: unknown parameter '%s' ignored\n", modname, param);
    return 0;
}

/* do_init_module: runs the init function; a failing module is never live. */
static int do_init_module(struct module *mod)
{
    int ret = 0;
    if (mod->init)
        ret = mod->init();
    if (ret < 0) {
        mod->state = MODULE_STATE_UNFORMED;
        return ret;
    }
    if (ret > 0) {
        pr_warn("%s: '%s'->init suspiciously returned %d, it should follow 0/-E convention\n"
                "%s: loading module anyway...\n", __func__, mod->name, ret, __func__);
        dump_stack();
    }
    mod->state = MODULE_STATE_LIVE;
    return 0;
}

/* The tail of load_module(): the parameters, then init. */
static int load_module(struct module *mod)
{
    char *after_dashes;
    int ret;
    mod->state = MODULE_STATE_UNFORMED;
    after_dashes = parse_args(mod->name, mod->args, mod->kp, mod->num_kp, -32768, 32767, mod,
                              unknown_module_param_cb);
    if (IS_ERR(after_dashes))
        return PTR_ERR(after_dashes);
    if (after_dashes)
        pr_warn("%s: parameters '%s' after `--' ignored\n", mod->name, after_dashes);
    mod->mkobj = module_param_sysfs_setup(mod);
    mod->state = MODULE_STATE_COMING;
    ret = do_init_module(mod);
    if (ret) {
        module_param_sysfs_remove(mod->mkobj);
        mod->mkobj = NULL;
    }
    return ret;
}

/* How kmod's insmod words the errors it gets back (mod_strerror). */
static const char *insmod_strerror(int err)
{
    switch (err) {
    case ENOEXEC: return "Invalid module format";
    case ENOENT: return "Unknown symbol in module, or unknown parameter (see dmesg)";
    case EINVAL: return "Invalid parameters";
    case ENOMEM: return "Cannot allocate memory";
    case EBUSY: return "Device or resource busy";
    case ENODEV: return "No such device";
    case EPERM: return "Operation not permitted";
    case EEXIST: return "File exists";
    case ENOSPC: return "No space left on device";
    case EIO: return "Input/output error";
    case EAGAIN: return "Resource temporarily unavailable";
    case EINTR: return "Interrupted system call";
    case ENXIO: return "No such device or address";
    case EFAULT: return "Bad address";
    case EACCES: return "Permission denied";
    case ENOTTY: return "Inappropriate ioctl for device";
    case ERANGE: return "Numerical result out of range";
    case ENOSYS: return "Function not implemented";
    case ETIMEDOUT: return "Connection timed out";
    case EOPNOTSUPP: return "Operation not supported";
    default: return NULL;
    }
}

/*
 * init_module(2) for each module in order, as a person running insmod would; a failure is
 * what insmod prints (to its terminal, shown as a spinlab line).
 */
void spinlab_load_modules(void)
{
    int i;
    for (i = 0; i < spinlab_nr_modules; i++) {
        int ret = load_module(&spinlab_modules[i]);
        if (ret && insmod_strerror(-ret))
            printk(KERN_ERR "spinlab: insmod: ERROR: could not insert module %s.ko: %s\n",
                   spinlab_modules[i].name, insmod_strerror(-ret));
        else if (ret) /* strerror(3)'s words for a number it has no name for */
            printk(KERN_ERR "spinlab: insmod: ERROR: could not insert module %s.ko: Unknown error %d\n",
                   spinlab_modules[i].name, -ret);
    }
}

static struct module *find_module(const char *name)
{
    int i;
    for (i = 0; i < spinlab_nr_modules; i++)
        if (strcmp(spinlab_modules[i].name, name) == 0 && spinlab_modules[i].state != MODULE_STATE_UNFORMED)
            return &spinlab_modules[i];
    return NULL;
}

/*
 * delete_module(2): a live module with an exit function runs it and is gone; one with init
 * but no exit cannot be unloaded (-EBUSY, as without CONFIG_MODULE_FORCE_UNLOAD). Module
 * references are not counted in the model.
 */
long __x64_sys_delete_module(long name_user, long flags, long unused)
{
    char name[MODULE_NAME_LEN];
    struct module *mod;
    if (strncpy_from_user(name, (const char __user *)name_user, MODULE_NAME_LEN - 1) < 0)
        return -EFAULT;
    name[MODULE_NAME_LEN - 1] = '\0';
    mod = find_module(name);
    if (!mod)
        return -ENOENT;
    if (mod->state != MODULE_STATE_LIVE)
        return -EBUSY;
    if (mod->init && !mod->exit)
        return -EBUSY;
    mod->state = MODULE_STATE_GOING;
    if (mod->exit)
        mod->exit();
    module_param_sysfs_remove(mod->mkobj);
    mod->mkobj = NULL;
    mod->state = MODULE_STATE_UNFORMED;
    return 0;
}
