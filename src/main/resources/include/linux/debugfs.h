/*
 * spinlab's model of <linux/debugfs.h> for a kernel built without CONFIG_DEBUG_FS, the
 * configuration the model kernel is: every debugfs_create_*() that returns a dentry returns
 * ERR_PTR(-ENODEV) and the others do nothing, as the kernel's stubs do, so a driver that
 * creates debugfs files loads and runs and its files simply do not exist. Drivers are meant
 * to ignore debugfs errors (the kernel's debugfs documentation says so), and the functions
 * that take a dentry accept the error pointer. The signatures are 6.6's: the value files
 * (debugfs_create_u32() and friends) return void.
 */
#ifndef _SPINLAB_LINUX_DEBUGFS_H
#define _SPINLAB_LINUX_DEBUGFS_H

#include <linux/types.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/seq_file.h>
#include <linux/atomic.h>

struct device;

struct debugfs_blob_wrapper {
    void *data;
    unsigned long size;
};

struct debugfs_reg32 {
    char *name;
    unsigned long offset;
};

struct debugfs_regset32 {
    const struct debugfs_reg32 *regs;
    int nregs;
    void __iomem *base;
    struct device *dev;
};

struct debugfs_u32_array {
    u32 *array;
    u32 n_elements;
};

static inline struct dentry *debugfs_create_file(const char *name, umode_t mode, struct dentry *parent,
                                                 void *data, const struct file_operations *fops)
{
    return ERR_PTR(-ENODEV);
}

static inline struct dentry *debugfs_create_file_unsafe(const char *name, umode_t mode, struct dentry *parent,
                                                        void *data, const struct file_operations *fops)
{
    return ERR_PTR(-ENODEV);
}

static inline void debugfs_create_file_size(const char *name, umode_t mode, struct dentry *parent, void *data,
                                            const struct file_operations *fops, loff_t file_size)
{
}

static inline struct dentry *debugfs_create_dir(const char *name, struct dentry *parent)
{
    return ERR_PTR(-ENODEV);
}

static inline struct dentry *debugfs_create_symlink(const char *name, struct dentry *parent, const char *dest)
{
    return ERR_PTR(-ENODEV);
}

static inline struct dentry *debugfs_lookup(const char *name, struct dentry *parent)
{
    return ERR_PTR(-ENODEV);
}

static inline void debugfs_remove(struct dentry *dentry)
{
}

#define debugfs_remove_recursive debugfs_remove

static inline void debugfs_lookup_and_remove(const char *name, struct dentry *parent)
{
}

static inline struct dentry *debugfs_rename(struct dentry *old_dir, struct dentry *old_dentry,
                                            struct dentry *new_dir, const char *new_name)
{
    return ERR_PTR(-ENODEV);
}

static inline bool debugfs_initialized(void)
{
    return false;
}

static inline void debugfs_create_u8(const char *name, umode_t mode, struct dentry *parent, u8 *value) {}
static inline void debugfs_create_u16(const char *name, umode_t mode, struct dentry *parent, u16 *value) {}
static inline void debugfs_create_u32(const char *name, umode_t mode, struct dentry *parent, u32 *value) {}
static inline void debugfs_create_u64(const char *name, umode_t mode, struct dentry *parent, u64 *value) {}
static inline void debugfs_create_ulong(const char *name, umode_t mode, struct dentry *parent,
                                        unsigned long *value) {}
static inline void debugfs_create_x8(const char *name, umode_t mode, struct dentry *parent, u8 *value) {}
static inline void debugfs_create_x16(const char *name, umode_t mode, struct dentry *parent, u16 *value) {}
static inline void debugfs_create_x32(const char *name, umode_t mode, struct dentry *parent, u32 *value) {}
static inline void debugfs_create_x64(const char *name, umode_t mode, struct dentry *parent, u64 *value) {}
static inline void debugfs_create_size_t(const char *name, umode_t mode, struct dentry *parent, size_t *value) {}
static inline void debugfs_create_atomic_t(const char *name, umode_t mode, struct dentry *parent,
                                           atomic_t *value) {}
static inline void debugfs_create_bool(const char *name, umode_t mode, struct dentry *parent, bool *value) {}
static inline void debugfs_create_str(const char *name, umode_t mode, struct dentry *parent, char **value) {}

static inline struct dentry *debugfs_create_blob(const char *name, umode_t mode, struct dentry *parent,
                                                 struct debugfs_blob_wrapper *blob)
{
    return ERR_PTR(-ENODEV);
}

static inline void debugfs_create_regset32(const char *name, umode_t mode, struct dentry *parent,
                                           struct debugfs_regset32 *regset) {}

static inline void debugfs_print_regs32(struct seq_file *s, const struct debugfs_reg32 *regs, int nregs,
                                        void __iomem *base, char *prefix) {}

static inline void debugfs_create_u32_array(const char *name, umode_t mode, struct dentry *parent,
                                            struct debugfs_u32_array *array) {}

static inline void debugfs_create_devm_seqfile(struct device *dev, const char *name, struct dentry *parent,
                                               int (*read_fn)(struct seq_file *s, void *data)) {}

/*
 * DEFINE_DEBUGFS_ATTRIBUTE(fops, get, set, fmt): a file_operations for a debugfs value file.
 * The kernel's opens it with simple_attr_open() (fs/libfs.c); without debugfs no such file
 * exists to be opened, so here the open fails with -ENODEV, naming get and set so that they
 * stay used as in the kernel's expansion. DEFINE_SIMPLE_ATTRIBUTE is the same for this model.
 */
#define DEFINE_DEBUGFS_ATTRIBUTE(__fops, __get, __set, __fmt) \
    static int __fops##_open(struct inode *inode, struct file *file) \
    { \
        (void)(__get); \
        (void)(__set); \
        (void)(__fmt); \
        return -ENODEV; \
    } \
    static const struct file_operations __fops = { \
        .owner = THIS_MODULE, \
        .open = __fops##_open, \
    }
#define DEFINE_DEBUGFS_ATTRIBUTE_SIGNED(__fops, __get, __set, __fmt) DEFINE_DEBUGFS_ATTRIBUTE(__fops, __get, __set, __fmt)
#ifndef DEFINE_SIMPLE_ATTRIBUTE
#define DEFINE_SIMPLE_ATTRIBUTE(__fops, __get, __set, __fmt) DEFINE_DEBUGFS_ATTRIBUTE(__fops, __get, __set, __fmt)
#endif

#endif
