#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>

#define DRV "gnucdemo"

static int debug = 2;

/* a driver's own printk wrappers, as many drivers have */
static __attribute__((format(printf, 2, 3))) void demo_dbg(int level, const char *fmt, ...)
{
	char line[128];
	va_list args;

	if (level > debug)
		return;
	va_start(args, fmt);
	vscnprintf(line, sizeof(line), fmt, args);
	va_end(args);
	printk(KERN_INFO DRV ": %s", line);
}

static void demo_log(const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vprintk(fmt, args);
	va_end(args);
}

/* formats into a fixed buffer and says how much was stored */
static int demo_fmt(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vscnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}

struct sample {
	int channel;
	long value;
};

/* a device register image, as drivers declare them */
struct ctrl_reg {
	unsigned int enable : 1;
	unsigned int mode : 3;
	unsigned int : 4;		/* reserved */
	unsigned int divider : 8;
	int offset : 6;
};

static struct sample average(struct sample a, struct sample b)
{
	return (struct sample){ .channel = a.channel, .value = (a.value + b.value) / 2 };
}

/* the largest of a small array, as a value */
#define array_max(arr, n) ({					\
	typeof((arr)[0]) __m = (arr)[0];			\
	for (int __i = 1; __i < (n); __i++)			\
		if ((arr)[__i] > __m)				\
			__m = (arr)[__i];			\
	__m;							\
})

static int __init gnucdemo_init(void)
{
	long readings[] = { 12, 40, 7, 33 };
	struct sample s = average((struct sample){ 3, 10 }, (struct sample){ 3, 31 });
	char buf[8];
	int n;
	struct ctrl_reg reg = { .enable = 1, .mode = 5, .divider = 200 };

	BUILD_BUG_ON(sizeof(struct ctrl_reg) != 4);
	static_assert(sizeof(struct sample) == 16, "sample layout");

	demo_dbg(1, "loading, %d readings, max %ld\n", 4, array_max(readings, 4));
	demo_dbg(3, "not shown\n");
	demo_dbg(2, "channel %d average %ld\n", s.channel, s.value);
	n = demo_fmt(buf, sizeof(buf), "%s-%d", "overflow", 12345);
	pr_info(DRV ": stored %d bytes: '%s'\n", n, buf);
	if (likely(n == 7))
		asm volatile("" ::: "memory");
	demo_log(KERN_NOTICE DRV ": %s %d %s\n", "vprintk", 3, "args");
	reg.offset = -7;
	reg.divider += 100;		/* 300 does not fit in 8 bits: 44 */
	pr_info(DRV ": reg enable=%u mode=%u divider=%u offset=%d raw=%#x\n", reg.enable, reg.mode,
		reg.divider, reg.offset, *(unsigned int *)&reg);
	if (unlikely(s.value != 20))
		pr_err(DRV ": wrong average\n");
	return 0;
}

static void __exit gnucdemo_exit(void)
{
	demo_dbg(1, "unloading\n");
}

module_init(gnucdemo_init);
module_exit(gnucdemo_exit);
MODULE_LICENSE("GPL");
