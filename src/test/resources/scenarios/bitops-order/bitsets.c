/*
 * A self-test module in the manner of the kernel's lib/test_*.c: it checks a few helpers at
 * load time and reports what it finds.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/jump_label.h>

#define NBITS 200

static DECLARE_BITMAP(marks, NBITS);

static struct static_key plain_on = STATIC_KEY_INIT_TRUE;
static struct static_key plain_off = STATIC_KEY_INIT_FALSE;
static DEFINE_STATIC_KEY_TRUE(new_on);
static DEFINE_STATIC_KEY_FALSE(new_off);

static void flip(struct static_key *key)
{
	if (static_key_enabled(key))
		static_key_disable(key);
	else
		static_key_enable(key);
}

static int __init bitsets_init(void)
{
	static const unsigned int counts[] = { 0, 1, 2, 3, 4, 5, 4096, 4097, 0x80000000u };
	static const unsigned long longs[] = { 0x100000000UL, 0x100000001UL, 0x8000000000000000UL };
	int i;

	set_bit(3, marks);
	set_bit(130, marks);
	pr_info("bitmap of %d bits: %zu bytes, first set bit %lu\n", NBITS, sizeof(marks),
		find_first_bit(marks, NBITS));
	clear_bit(3, marks);
	pr_info("after clearing 3: first set bit %lu\n", find_first_bit(marks, NBITS));
	clear_bit(130, marks);
	pr_info("after clearing 130: first set bit %lu (none: %d)\n", find_first_bit(marks, NBITS),
		NBITS);

	for (i = 0; i < ARRAY_SIZE(counts); i++)
		pr_info("get_count_order(%u) = %d\n", counts[i], get_count_order(counts[i]));
	for (i = 0; i < ARRAY_SIZE(longs); i++)
		pr_info("get_count_order_long(%#lx) = %d\n", longs[i], get_count_order_long(longs[i]));

	pr_info("keys: plain_on %d, plain_off %d, new_on %d, new_off %d\n",
		static_key_enabled(&plain_on), static_key_enabled(&plain_off),
		static_key_enabled(&new_on), static_key_enabled(&new_off));
	flip(&plain_on);
	flip(&plain_off);
	flip(&new_on.key);
	flip(&new_off.key);
	pr_info("flipped: plain_on %d, plain_off %d, new_on %d, new_off %d\n",
		static_key_true(&plain_on), static_key_false(&plain_off),
		static_branch_likely(&new_on), static_branch_unlikely(&new_off));
	return 0;
}

static void __exit bitsets_exit(void)
{
}

module_init(bitsets_init);
module_exit(bitsets_exit);
MODULE_LICENSE("GPL");
