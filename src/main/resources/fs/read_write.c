/*
 * spinlab's model of fs/read_write.c: the llseek helpers drivers name in their file_operations
 * that fs/open.c does not already provide (vfs_setpos, generic_file_llseek_size,
 * no_seek_end_llseek).
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/errno.h>

loff_t vfs_setpos(struct file *file, loff_t offset, loff_t maxsize)
{
    if (offset < 0 || offset > maxsize)
        return -EINVAL;
    if (offset != file->f_pos)
        file->f_pos = offset;
    return offset;
}

loff_t generic_file_llseek_size(struct file *file, loff_t offset, int whence, loff_t maxsize, loff_t eof)
{
    switch (whence) {
    case SEEK_END:
        offset += eof;
        break;
    case SEEK_CUR:
        if (offset == 0)
            return file->f_pos;
        return vfs_setpos(file, file->f_pos + offset, maxsize);
    case SEEK_DATA:
        if ((unsigned long long)offset >= eof)
            return -ENXIO;
        break;
    case SEEK_HOLE:
        if ((unsigned long long)offset >= eof)
            return -ENXIO;
        offset = eof;
        break;
    }
    return vfs_setpos(file, offset, maxsize);
}

loff_t no_seek_end_llseek(struct file *file, loff_t offset, int whence)
{
    switch (whence) {
    case SEEK_SET:
    case SEEK_CUR:
        return generic_file_llseek_size(file, offset, whence, OFFSET_MAX, 0);
    default:
        return -EINVAL;
    }
}

loff_t no_seek_end_llseek_size(struct file *file, loff_t offset, int whence, loff_t size)
{
    switch (whence) {
    case SEEK_SET:
    case SEEK_CUR:
        return generic_file_llseek_size(file, offset, whence, size, 0);
    default:
        return -EINVAL;
    }
}
