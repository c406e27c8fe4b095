/*
 * memdemo: the kernel's allocators as drivers use them, each with the rule that goes with it:
 * kmalloc_array/kcalloc (overflow-checked), krealloc (contents kept), kstrdup/kmemdup,
 * vmalloc/vzalloc (may sleep; kvfree tells it from kmalloc), __get_free_pages and
 * get_zeroed_page with PAGE_SIZE, and a slab cache with a constructor. Built with
 * -DLEAK_CACHE, the cache is destroyed with an object still allocated: the kernel's WARN.
 * Built with -DATOMIC_BUG, write() allocates with GFP_KERNEL under a spinlock: a sleeping
 * allocation in atomic context.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <linux/spinlock.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>

struct item {
	int id;
	char tag[12];
};

static struct kmem_cache *item_cache;
static int ctor_calls;
static DEFINE_SPINLOCK(mem_lock);

static void item_ctor(void *obj)
{
	struct item *it = obj;

	ctor_calls++;
	strscpy(it->tag, "fresh", sizeof(it->tag));
}

static ssize_t memdemo_write(struct file *file, const char __user *buf, size_t len, loff_t *ppos)
{
	void *p;

	spin_lock(&mem_lock);
#ifdef ATOMIC_BUG
	p = kmalloc(len, GFP_KERNEL);
#else
	p = kmalloc(len, GFP_ATOMIC);
#endif
	spin_unlock(&mem_lock);
	kfree(p);
	return len;
}

static const struct file_operations memdemo_fops = {
	.owner = THIS_MODULE,
	.write = memdemo_write,
};

static struct miscdevice memdemo_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "memdemo",
	.fops = &memdemo_fops,
};

static int __init memdemo_init(void)
{
	int *arr, *big;
	char *s, *dup;
	unsigned long page;
	char *vbuf;
	struct item *a, *b;
	u8 *bytes;

	arr = kcalloc(4, sizeof(int), GFP_KERNEL);
	arr[0] = 10;
	arr[3] = 13;
	big = krealloc(arr, 8 * sizeof(int), GFP_KERNEL);
	pr_info("memdemo: krealloc kept %d %d %d %d, ksize %zu\n", big[0], big[1], big[2], big[3], ksize(big));
	kfree(big);
	pr_info("memdemo: kmalloc_array(SIZE_MAX/2, 4) = %s\n",
		kmalloc_array(SIZE_MAX / 2, 4, GFP_KERNEL) ? "a pointer (wrong)" : "NULL (overflow)");

	s = kstrdup("spinlab", GFP_KERNEL);
	dup = kmemdup(s, 4, GFP_KERNEL);
	pr_info("memdemo: kstrdup \"%s\", kmemdup of 4 bytes starts with '%c%c%c%c'\n", s, dup[0], dup[1], dup[2], dup[3]);
	kfree(dup);
	kfree(s);

	vbuf = vzalloc(3 * PAGE_SIZE);
	pr_info("memdemo: vzalloc(3 * PAGE_SIZE = %lu): is_vmalloc_addr %d, last byte %d\n", 3 * PAGE_SIZE,
		is_vmalloc_addr(vbuf) ? 1 : 0, vbuf[3 * PAGE_SIZE - 1]);
	kvfree(vbuf);
	bytes = kvmalloc(64, GFP_KERNEL);
	pr_info("memdemo: kvmalloc(64) is_vmalloc_addr %d\n", is_vmalloc_addr(bytes) ? 1 : 0);
	kvfree(bytes);

	page = __get_free_pages(GFP_KERNEL, 2);
	memset((void *)page, 0xaa, 4 * PAGE_SIZE);
	pr_info("memdemo: order-2 block of %lu bytes (PAGE_SHIFT %d)\n", PAGE_SIZE << 2, PAGE_SHIFT);
	free_pages(page, 2);
	page = get_zeroed_page(GFP_KERNEL);
	pr_info("memdemo: get_zeroed_page: first byte %d\n", *(char *)page);
	free_page(page);

	item_cache = kmem_cache_create("memdemo_item", sizeof(struct item), 0, SLAB_HWCACHE_ALIGN, item_ctor);
	a = kmem_cache_alloc(item_cache, GFP_KERNEL);
	b = kmem_cache_zalloc(item_cache, GFP_KERNEL);
	a->id = 1;
	pr_info("memdemo: cache objects of %u bytes, ctor ran %d times, a->tag \"%s\"\n",
		kmem_cache_size(item_cache), ctor_calls, a->tag);
	kmem_cache_free(item_cache, a);
#ifndef LEAK_CACHE
	kmem_cache_free(item_cache, b);
#endif
	kmem_cache_destroy(item_cache);
	return misc_register(&memdemo_dev);
}

module_init(memdemo_init);
MODULE_LICENSE("GPL");
