/*
 * The user-copy functions' edge cases, called from module_init on a kmalloc'd block standing
 * in for user memory (the model has one address space): what each returns when the range
 * ends part way, when the string has no NUL within count, and what copy_from_user leaves in
 * the kernel buffer.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

static int __init edges_init(void)
{
	char *u = kmalloc(8, GFP_KERNEL);
	char k[12];
	long n;
	unsigned long left;
	short s = 0;
	long l = 0;

	memcpy(u, "abcdefgh", 8);
	n = strncpy_from_user(k, (const char __user *)u, 4);
	pr_info("strncpy_from_user count 4: %ld, k[3] = %c\n", n, k[3]);
	n = strncpy_from_user(k, (const char __user *)u, 12);
	pr_info("strncpy_from_user past the end: %ld\n", n);
	u[5] = 0;
	n = strncpy_from_user(k, (const char __user *)u, 12);
	pr_info("strncpy_from_user of \"%s\": %ld\n", k, n);
	n = strncpy_from_user(k, (const char __user *)u, 0);
	pr_info("strncpy_from_user count 0: %ld\n", n);
	pr_info("strnlen_user: %ld, count 3: %ld, past the end: %ld, NULL: %ld\n",
		strnlen_user((const char __user *)u, 12), strnlen_user((const char __user *)u, 3),
		strnlen_user((const char __user *)u + 6, 12), strnlen_user(NULL, 12));

	u[5] = 'f';
	memset(k, 'x', sizeof(k));
	left = copy_from_user(k, (const void __user *)(u + 4), 8);
	pr_info("copy_from_user 8 from the last 4: left %lu, k = %c%c%c%c %d %d %d %d, k[8] = %c\n", left,
		k[0], k[1], k[2], k[3], k[4], k[5], k[6], k[7], k[8]);
	left = copy_from_user(k, (const void __user *)-8L, 4);
	pr_info("copy_from_user from the top of the address space: left %lu\n", left);
	left = copy_to_user((void __user *)(u + 6), "12345", 5);
	pr_info("copy_to_user 5 to the last 2: left %lu, u[6..7] = %c%c\n", left, u[6], u[7]);
	left = copy_to_user((void __user *)u, k, 0);
	pr_info("copy_to_user of 0 bytes to u: left %lu\n", left);

	s = 5;
	n = get_user(s, (short __user *)(u + 7));
	pr_info("get_user short at the last byte: %ld, value %d\n", n, s);
	n = get_user(l, (long __user *)u);
	pr_info("get_user long: %ld, same as *u: %d\n", n, l == *(long *)u);
	pr_info("__get_user at NULL: %d\n", __get_user(s, (short __user *)NULL));
	pr_info("put_user at u + 6 of a long: %d\n", put_user(l, (long __user *)(u + 6)));
	kfree(u);
	pr_info("copy_to_user to a freed block: left %lu\n", copy_to_user((void __user *)u, "z", 1));
	return 0;
}

module_init(edges_init);
MODULE_LICENSE("GPL");
