/*
 * spinlab's model of mm/util.c: duplicating strings and memory into the kernel heap, copying
 * user buffers in (memdup_user), and kvmalloc (kmalloc, falling back to vmalloc).
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <linux/err.h>

char *kstrdup(const char *s, gfp_t gfp)
{
    size_t len;
    char *buf;

    if (!s)
        return NULL;
    len = strlen(s) + 1;
    buf = kmalloc(len, gfp);
    if (buf)
        memcpy(buf, s, len);
    return buf;
}

/* The kernel returns a string in .rodata as it is; the model has no .rodata test: it copies. */
const char *kstrdup_const(const char *s, gfp_t gfp)
{
    return kstrdup(s, gfp);
}

void kfree_const(const void *x)
{
    kfree(x);
}

char *kstrndup(const char *s, size_t max, gfp_t gfp)
{
    size_t len;
    char *buf;

    if (!s)
        return NULL;
    len = strnlen(s, max);
    buf = kmalloc(len + 1, gfp);
    if (buf) {
        memcpy(buf, s, len);
        buf[len] = '\0';
    }
    return buf;
}

void *kmemdup(const void *src, size_t len, gfp_t gfp)
{
    void *p = kmalloc(len, gfp);

    if (p)
        memcpy(p, src, len);
    return p;
}

char *kmemdup_nul(const char *s, size_t len, gfp_t gfp)
{
    char *buf;

    if (!s)
        return NULL;
    buf = kmalloc(len + 1, gfp);
    if (buf) {
        memcpy(buf, s, len);
        buf[len] = '\0';
    }
    return buf;
}

/* memdup_user(): a kernel copy of a user buffer; ERR_PTR(-ENOMEM) or ERR_PTR(-EFAULT) on failure */
void *memdup_user(const void __user *src, size_t len)
{
    void *p = kmalloc(len, GFP_USER | __GFP_NOWARN);

    if (!p)
        return ERR_PTR(-ENOMEM);
    if (copy_from_user(p, src, len)) {
        kfree(p);
        return ERR_PTR(-EFAULT);
    }
    return p;
}

void *vmemdup_user(const void __user *src, size_t len)
{
    void *p = kvmalloc(len, GFP_USER);

    if (!p)
        return ERR_PTR(-ENOMEM);
    if (copy_from_user(p, src, len)) {
        kvfree(p);
        return ERR_PTR(-EFAULT);
    }
    return p;
}

void *memdup_user_nul(const void __user *src, size_t len)
{
    char *p = kmalloc(len + 1, GFP_KERNEL);

    if (!p)
        return ERR_PTR(-ENOMEM);
    if (copy_from_user(p, src, len)) {
        kfree(p);
        return ERR_PTR(-EFAULT);
    }
    p[len] = '\0';
    return p;
}

char *strndup_user(const char __user *s, long n)
{
    char *p;
    long length = strnlen_user(s, n);

    if (!length)
        return ERR_PTR(-EFAULT);
    if (length > n)
        return ERR_PTR(-EINVAL);
    p = memdup_user(s, length);
    if (IS_ERR(p))
        return p;
    p[length - 1] = '\0';
    return p;
}

void *kvmalloc(size_t size, gfp_t flags)
{
    void *p = kmalloc(size, flags | __GFP_NOWARN);

    if (p || !gfpflags_allow_blocking(flags))
        return p;
    return vmalloc(size);
}

void *kvzalloc(size_t size, gfp_t flags)
{
    return kvmalloc(size, flags | __GFP_ZERO);
}

void *kvmalloc_array(size_t n, size_t size, gfp_t flags)
{
    if (size != 0 && n > SIZE_MAX / size)
        return NULL;
    return kvmalloc(n * size, flags);
}

void *kvcalloc(size_t n, size_t size, gfp_t flags)
{
    return kvmalloc_array(n, size, flags | __GFP_ZERO);
}

void *kvrealloc(const void *p, size_t oldsize, size_t newsize, gfp_t flags)
{
    void *newp;

    if (oldsize >= newsize)
        return (void *)p;
    newp = kvmalloc(newsize, flags);
    if (!newp)
        return NULL;
    memcpy(newp, p, oldsize);
    kvfree(p);
    return newp;
}

void kvfree(const void *addr)
{
    if (is_vmalloc_addr(addr))
        vfree(addr);
    else
        kfree(addr);
}

void kvfree_sensitive(const void *addr, size_t len)
{
    if (addr) {
        memzero_explicit((void *)addr, len);
        kvfree(addr);
    }
}
