/*
 * spinlab's model of kernel/params.c and lib/cmdline.c's next_arg(): module parameters
 * parsed from an insmod-style string ("irq=7 names=a,b debug"), each handed to its type's
 * set operation, with the kernel's messages for what it rejects. In the model a module's
 * parameters are an array of pointers (the kernel walks a section of structs).
 */
#include <linux/kernel.h>
#include <linux/moduleparam.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/kobject.h>
#include <linux/sysfs.h>
#include <linux/module.h>

/* Hyphens and underscores are equivalent in parameter names. */
static char dash2underscore(char c)
{
    if (c == '-')
        return '_';
    return c;
}

static bool parameq(const char *a, const char *b)
{
    int i;
    for (i = 0; dash2underscore(a[i]) == dash2underscore(b[i]); i++)
        if (a[i] == '\0')
            return true;
    return false;
}

static int parse_one(char *param, char *val, const char *doing, const struct kernel_param **params,
                     unsigned int num_params, s16 min_level, s16 max_level, void *arg,
                     int (*handle_unknown)(char *param, char *val, const char *doing, void *arg))
{
    unsigned int i;
    for (i = 0; i < num_params; i++) {
        if (parameq(param, params[i]->name)) {
            if (params[i]->level < min_level || params[i]->level > max_level)
                return 0;
            /* no one handled NULL (a name without '='), so do it here */
            if (!val && !(params[i]->ops->flags & KERNEL_PARAM_OPS_FL_NOARG))
                return -EINVAL;
            return params[i]->ops->set(val, params[i]);
        }
    }
    if (handle_unknown)
        return handle_unknown(param, val, doing, arg);
    return -ENOENT;
}

/*
 * lib/cmdline.c: splits off the next "param=val" word; double quotes may enclose spaces
 * (and are dropped from the value). Writes NULs into args.
 */
char *next_arg(char *args, char **param, char **val)
{
    unsigned int i, equals = 0;
    int in_quote = 0, quoted = 0;

    if (*args == '"') {
        args++;
        in_quote = 1;
        quoted = 1;
    }
    for (i = 0; args[i]; i++) {
        if (args[i] == ' ' && !in_quote)
            break;
        if (equals == 0 && args[i] == '=')
            equals = i;
        if (args[i] == '"')
            in_quote = !in_quote;
    }
    *param = args;
    if (!equals) {
        *val = NULL;
    } else {
        args[equals] = '\0';
        *val = args + equals + 1;
        if (**val == '"') {
            (*val)++;
            if (args[i - 1] == '"')
                args[i - 1] = '\0';
        }
    }
    if (quoted && i > 0 && args[i - 1] == '"')
        args[i - 1] = '\0';
    if (args[i]) {
        args[i] = '\0';
        args = args + i + 1;
    } else {
        args = args + i;
    }
    while (*args == ' ')
        args++;
    return args;
}

/*
 * Parses "foo=bar,bar2 baz=fuz wiz": every word goes to parse_one; a word it cannot take
 * is reported and parsing goes on; the last error is returned as an ERR_PTR (NULL: all
 * taken). "--" ends the parameters: what follows is returned.
 */
char *parse_args(const char *doing, char *args, const struct kernel_param **params, unsigned int num,
                 s16 min_level, s16 max_level, void *arg,
                 int (*unknown)(char *param, char *val, const char *doing, void *arg))
{
    char *param, *val, *err = NULL;

    while (*args == ' ')
        args++;
    while (*args) {
        int ret;
        args = next_arg(args, &param, &val);
        if (!val && strcmp(param, "--") == 0)
            return err ? err : args;
        ret = parse_one(param, val, doing, params, num, min_level, max_level, arg, unknown);
        switch (ret) {
        case 0:
            continue;
        case -ENOENT:
            pr_err("%s: Unknown parameter `%s'\n", doing, param);
            break;
        case -ENOSPC:
            pr_err("%s: `%s' too large for parameter `%s'\n", doing, val ? val : "", param);
            break;
        default:
            pr_err("%s: `%s' invalid for parameter `%s'\n", doing, val ? val : "", param);
            break;
        }
        err = ERR_PTR(ret);
    }
    return err;
}

/* The integer types: the kstrto* conversion of the type, and a printf format for reading back. */
int param_set_byte(const char *val, const struct kernel_param *kp)
{
    return kstrtou8(val, 0, (u8 *)kp->arg);
}

int param_get_byte(char *buffer, const struct kernel_param *kp)
{
    return sprintf(buffer, "%hhu\n", *(unsigned char *)kp->arg);
}

int param_set_short(const char *val, const struct kernel_param *kp)
{
    return kstrtos16(val, 0, (s16 *)kp->arg);
}

int param_get_short(char *buffer, const struct kernel_param *kp)
{
    return sprintf(buffer, "%hi\n", *(short *)kp->arg);
}

int param_set_ushort(const char *val, const struct kernel_param *kp)
{
    return kstrtou16(val, 0, (u16 *)kp->arg);
}

int param_get_ushort(char *buffer, const struct kernel_param *kp)
{
    return sprintf(buffer, "%hu\n", *(unsigned short *)kp->arg);
}

int param_set_int(const char *val, const struct kernel_param *kp)
{
    return kstrtoint(val, 0, (int *)kp->arg);
}

int param_get_int(char *buffer, const struct kernel_param *kp)
{
    return sprintf(buffer, "%i\n", *(int *)kp->arg);
}

int param_set_uint(const char *val, const struct kernel_param *kp)
{
    return kstrtouint(val, 0, (unsigned int *)kp->arg);
}

int param_get_uint(char *buffer, const struct kernel_param *kp)
{
    return sprintf(buffer, "%u\n", *(unsigned int *)kp->arg);
}

int param_set_long(const char *val, const struct kernel_param *kp)
{
    return kstrtol(val, 0, (long *)kp->arg);
}

int param_get_long(char *buffer, const struct kernel_param *kp)
{
    return sprintf(buffer, "%li\n", *(long *)kp->arg);
}

int param_set_ulong(const char *val, const struct kernel_param *kp)
{
    return kstrtoul(val, 0, (unsigned long *)kp->arg);
}

int param_get_ulong(char *buffer, const struct kernel_param *kp)
{
    return sprintf(buffer, "%lu\n", *(unsigned long *)kp->arg);
}

int param_set_ullong(const char *val, const struct kernel_param *kp)
{
    return kstrtoull(val, 0, (unsigned long long *)kp->arg);
}

int param_get_ullong(char *buffer, const struct kernel_param *kp)
{
    return sprintf(buffer, "%llu\n", *(unsigned long long *)kp->arg);
}

int param_set_hexint(const char *val, const struct kernel_param *kp)
{
    return kstrtouint(val, 0, (unsigned int *)kp->arg);
}

int param_get_hexint(char *buffer, const struct kernel_param *kp)
{
    return sprintf(buffer, "%#08x\n", *(unsigned int *)kp->arg);
}

const struct kernel_param_ops param_ops_byte = { 0, param_set_byte, param_get_byte, NULL };
const struct kernel_param_ops param_ops_short = { 0, param_set_short, param_get_short, NULL };
const struct kernel_param_ops param_ops_ushort = { 0, param_set_ushort, param_get_ushort, NULL };
const struct kernel_param_ops param_ops_int = { 0, param_set_int, param_get_int, NULL };
const struct kernel_param_ops param_ops_uint = { 0, param_set_uint, param_get_uint, NULL };
const struct kernel_param_ops param_ops_long = { 0, param_set_long, param_get_long, NULL };
const struct kernel_param_ops param_ops_ulong = { 0, param_set_ulong, param_get_ulong, NULL };
const struct kernel_param_ops param_ops_ullong = { 0, param_set_ullong, param_get_ullong, NULL };
const struct kernel_param_ops param_ops_hexint = { 0, param_set_hexint, param_get_hexint, NULL };

/* charp: a copy of the value (a sysfs write's buffer does not outlive the write). */
int param_set_charp(const char *val, const struct kernel_param *kp)
{
    char *copy;
    if (strlen(val) > 1024) {
        pr_err("%s: string parameter too long\n", kp->name);
        return -ENOSPC;
    }
    copy = kmalloc(strlen(val) + 1, GFP_KERNEL);
    if (!copy)
        return -ENOMEM;
    strcpy(copy, val);
    *(const char **)kp->arg = copy;
    return 0;
}

int param_get_charp(char *buffer, const struct kernel_param *kp)
{
    const char *s = *(const char **)kp->arg;
    return sprintf(buffer, "%s\n", s ? s : "(null)");
}

const struct kernel_param_ops param_ops_charp = { 0, param_set_charp, param_get_charp, NULL };

/* bool: y/Y/1/n/N/0 (kstrtobool); a bare name means "set". */
int param_set_bool(const char *val, const struct kernel_param *kp)
{
    if (!val)
        val = "1";
    return kstrtobool(val, (bool *)kp->arg);
}

int param_get_bool(char *buffer, const struct kernel_param *kp)
{
    return sprintf(buffer, "%c\n", *(bool *)kp->arg ? 'Y' : 'N');
}

const struct kernel_param_ops param_ops_bool = { KERNEL_PARAM_OPS_FL_NOARG, param_set_bool, param_get_bool, NULL };

int param_set_invbool(const char *val, const struct kernel_param *kp)
{
    bool boolval;
    int ret;
    if (!val)
        val = "1";
    ret = kstrtobool(val, &boolval);
    if (ret == 0)
        *(bool *)kp->arg = !boolval;
    return ret;
}

int param_get_invbool(char *buffer, const struct kernel_param *kp)
{
    return sprintf(buffer, "%c\n", *(bool *)kp->arg ? 'N' : 'Y');
}

const struct kernel_param_ops param_ops_invbool = { KERNEL_PARAM_OPS_FL_NOARG, param_set_invbool, param_get_invbool,
                                                    NULL };

/* Arrays: a comma-separated list, each element through the element type's set. */
static int param_array(struct module *mod, const char *name, const char *val, unsigned int min, unsigned int max,
                       void *elem, int elemsize, int (*set)(const char *, const struct kernel_param *kp),
                       s16 level, unsigned int *num)
{
    int ret;
    struct kernel_param kp;
    char save;

    memset(&kp, 0, sizeof(kp));
    kp.name = name;
    kp.arg = elem;
    kp.level = level;
    *num = 0;
    do {
        int len = 0;
        if (*num == max) {
            pr_err("%s: can only take %i arguments\n", name, max);
            return -EINVAL;
        }
        while (val[len] && val[len] != ',')
            len++;
        save = val[len];
        ((char *)val)[len] = '\0';
        ret = set(val, &kp);
        if (ret != 0)
            return ret;
        kp.arg = (char *)kp.arg + elemsize;
        val += len + 1;
        (*num)++;
    } while (save == ',');
    if (*num < min) {
        pr_err("%s: needs at least %i arguments\n", name, min);
        return -EINVAL;
    }
    return 0;
}

static int param_array_set(const char *val, const struct kernel_param *kp)
{
    const struct kparam_array *arr = kp->arr;
    unsigned int temp_num;
    return param_array(kp->mod, kp->name, val, 1, arr->max, arr->elem, arr->elemsize, arr->ops->set, kp->level,
                       arr->num ? arr->num : &temp_num);
}

static int param_array_get(char *buffer, const struct kernel_param *kp)
{
    int i, off, ret;
    const struct kparam_array *arr = kp->arr;
    struct kernel_param p;
    memcpy(&p, kp, sizeof(p));
    for (i = off = 0; i < (arr->num ? *arr->num : arr->max); i++) {
        /* each element's get ends with a newline: replace it by the comma */
        if (i)
            buffer[off - 1] = ',';
        p.arg = (char *)arr->elem + arr->elemsize * i;
        ret = arr->ops->get(buffer + off, &p);
        if (ret < 0)
            return ret;
        off += ret;
    }
    buffer[off] = '\0';
    return off;
}

const struct kernel_param_ops param_array_ops = { 0, param_array_set, param_array_get, NULL };

/* module_param_string: copied into the module's buffer, which must hold it. */
int param_set_copystring(const char *val, const struct kernel_param *kp)
{
    const struct kparam_string *kps = kp->str;
    if (strlen(val) + 1 > kps->maxlen) {
        pr_err("%s: string doesn't fit in %u chars.\n", kp->name, kps->maxlen - 1);
        return -ENOSPC;
    }
    strcpy(kps->string, val);
    return 0;
}

int param_get_string(char *buffer, const struct kernel_param *kp)
{
    const struct kparam_string *kps = kp->str;
    return sprintf(buffer, "%s\n", kps->string);
}

const struct kernel_param_ops param_ops_string = { 0, param_set_copystring, param_get_string, NULL };

/*
 * /sys/module/NAME/parameters/P: a parameter whose permissions are not 0 is a file there,
 * read through its type's get and written through its set (param_attr_show/_store).
 */
struct param_attribute {
    struct attribute attr;
    const struct kernel_param *param;
};

static ssize_t param_attr_show(struct kobject *kobj, struct attribute *attr, char *buf)
{
    struct param_attribute *pa = container_of(attr, struct param_attribute, attr);
    if (!pa->param->ops->get)
        return -EPERM;
    return pa->param->ops->get(buf, pa->param);
}

static ssize_t param_attr_store(struct kobject *kobj, struct attribute *attr, const char *buf, size_t len)
{
    struct param_attribute *pa = container_of(attr, struct param_attribute, attr);
    int err;
    if (!pa->param->ops->set)
        return -EPERM;
    err = pa->param->ops->set(buf, pa->param);
    return err ? err : len;
}

static const struct sysfs_ops module_param_sysfs_ops = {
    .show = param_attr_show,
    .store = param_attr_store,
};

static void module_kobj_release(struct kobject *kobj)
{
}

static const struct kobj_type module_ktype = {
    .release = module_kobj_release,
    .sysfs_ops = &module_param_sysfs_ops,
};

struct module_param_kobject {
    struct kobject kobj;
    struct attribute_group grp;
};

static struct kobject *module_kobj;

/* /sys/module, made at boot (param_sysfs_init). */
int param_sysfs_init(void)
{
    module_kobj = kobject_create_and_add("module", NULL);
    return module_kobj ? 0 : -ENOMEM;
}

/* mod_sysfs_setup's part for parameters: /sys/module/NAME with its parameters group. */
void *module_param_sysfs_setup(struct module *mod)
{
    struct module_param_kobject *mk;
    struct param_attribute *pattrs;
    struct attribute **attrs;
    unsigned int i, n = 0;

    if (!module_kobj)
        return NULL;
    mk = kzalloc(sizeof(*mk), GFP_KERNEL);
    pattrs = kzalloc((mod->num_kp + 1) * sizeof(*pattrs), GFP_KERNEL);
    attrs = kzalloc((mod->num_kp + 1) * sizeof(*attrs), GFP_KERNEL);
    if (!mk || !pattrs || !attrs)
        return NULL;
    if (kobject_init_and_add(&mk->kobj, &module_ktype, module_kobj, "%s", mod->name)) {
        kobject_put(&mk->kobj);
        return NULL;
    }
    for (i = 0; i < mod->num_kp; i++) {
        if (!mod->kp[i]->perm)
            continue;
        pattrs[n].attr.name = mod->kp[i]->name;
        pattrs[n].attr.mode = mod->kp[i]->perm;
        pattrs[n].param = mod->kp[i];
        attrs[n] = &pattrs[n].attr;
        n++;
    }
    if (n) {
        mk->grp.name = "parameters";
        mk->grp.attrs = attrs;
        sysfs_create_group(&mk->kobj, &mk->grp);
    }
    return mk;
}

void module_param_sysfs_remove(void *handle)
{
    struct module_param_kobject *mk = handle;
    if (!mk)
        return;
    if (mk->grp.attrs)
        sysfs_remove_group(&mk->kobj, &mk->grp);
    kobject_put(&mk->kobj);
}
