/*
 * /proc files in the style of LKMPG's procfs examples and LDD3's seq_file chapter:
 *   /proc/procseq/counter   single_open: one record, with the number of times it was read
 *   /proc/procseq/squares   seq_operations: one record per line, NR_SQUARES of them
 *   /proc/procseq/note      proc_read/proc_write over a buffer (pde_data names it)
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/uaccess.h>
#include <linux/slab.h>
#include <linux/version.h>

#define NR_SQUARES 300   /* more than one page: seq_read hands it out over several reads */

static struct proc_dir_entry *dir;
static int reads;
static char note[64] = "nothing yet\n";
static size_t note_len = 12;

static int counter_show(struct seq_file *m, void *v)
{
    reads++;
    seq_printf(m, "read %d time%s\n", reads, reads == 1 ? "" : "s");
    return 0;
}

static int counter_open(struct inode *inode, struct file *file)
{
    return single_open(file, counter_show, NULL);
}

static void *sq_start(struct seq_file *m, loff_t *pos)
{
    return *pos < NR_SQUARES ? pos : NULL;
}

static void *sq_next(struct seq_file *m, void *v, loff_t *pos)
{
    (*pos)++;
    return *pos < NR_SQUARES ? pos : NULL;
}

static void sq_stop(struct seq_file *m, void *v)
{
}

static int sq_show(struct seq_file *m, void *v)
{
    loff_t n = *(loff_t *)v;
    seq_printf(m, "%4lld squared is %6lld\n", n, n * n);
    return 0;
}

static const struct seq_operations sq_ops = {
    .start = sq_start,
    .next = sq_next,
    .stop = sq_stop,
    .show = sq_show,
};

static int squares_open(struct inode *inode, struct file *file)
{
    return seq_open(file, &sq_ops);
}

static ssize_t note_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
    char *text = pde_data(file_inode(file));
    return simple_read_from_buffer(buf, count, ppos, text, note_len);
}

static ssize_t note_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
    char *text = pde_data(file_inode(file));
    if (count >= sizeof(note))
        return -EINVAL;
    if (copy_from_user(text, buf, count))
        return -EFAULT;
    text[count] = '\0';
    note_len = count;
    pr_info("procseq: note is now %zu bytes\n", count);
    return count;
}

#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 6, 0)
static const struct proc_ops counter_fops = {
    .proc_open = counter_open,
    .proc_read = seq_read,
    .proc_lseek = seq_lseek,
    .proc_release = single_release,
};
static const struct proc_ops squares_fops = {
    .proc_open = squares_open,
    .proc_read = seq_read,
    .proc_lseek = seq_lseek,
    .proc_release = seq_release,
};
static const struct proc_ops note_fops = {
    .proc_read = note_read,
    .proc_write = note_write,
};
#else
#error "this example wants proc_ops (5.6 and later)"
#endif

static int __init procseq_init(void)
{
    dir = proc_mkdir("procseq", NULL);
    if (!dir)
        return -ENOMEM;
    if (!proc_create("counter", 0444, dir, &counter_fops) || !proc_create("squares", 0444, dir, &squares_fops)
        || !proc_create_data("note", 0666, dir, &note_fops, note)) {
        proc_remove(dir);
        return -ENOMEM;
    }
    pr_info("procseq: /proc/procseq ready\n");
    return 0;
}

static void __exit procseq_exit(void)
{
    remove_proc_entry("counter", dir);
    remove_proc_entry("squares", dir);
    remove_proc_entry("note", dir);
    remove_proc_entry("procseq", NULL);
    pr_info("procseq: removed\n");
}

module_init(procseq_init);
module_exit(procseq_exit);
MODULE_LICENSE("GPL");
