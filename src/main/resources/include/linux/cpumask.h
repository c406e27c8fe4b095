/*
 * spinlab's model of <linux/cpumask.h>: sets of CPUs as bitmaps of NR_CPUS bits, on the stack
 * (no CONFIG_CPUMASK_OFFSTACK: cpumask_var_t is a one-element array and alloc_cpumask_var()
 * cannot fail). The model's CPUs are all possible, present, online and active, and never go
 * away, so those four masks are one constant set; every operation looks at the first
 * nr_cpu_ids bits only (the kernel's nr_cpumask_bits), so a CPU beyond the booted ones is in
 * no set. cpumask_pr_args() (printk's %*pbl) is not modelled.
 */
#ifndef _SPINLAB_LINUX_CPUMASK_H
#define _SPINLAB_LINUX_CPUMASK_H

#include <linux/types.h>
#include <linux/bitops.h>
#include <linux/bitmap.h>
#include <linux/smp.h>
#include <linux/percpu.h>
#include <linux/gfp.h>

typedef struct cpumask {
    DECLARE_BITMAP(bits, NR_CPUS);
} cpumask_t;

typedef struct cpumask cpumask_var_t[1];

#define nr_cpumask_bits ((unsigned int)nr_cpu_ids)
#define cpumask_bits(maskp) ((maskp)->bits)
#define cpumask_size() sizeof(struct cpumask)
#define CPU_BITS_ALL { [0 ... BITS_TO_LONGS(NR_CPUS) - 1] = ~0UL }
#define CPU_MASK_ALL ((cpumask_t){ { [0 ... BITS_TO_LONGS(NR_CPUS) - 1] = ~0UL } })
#define CPU_MASK_NONE ((cpumask_t){ { [0 ... BITS_TO_LONGS(NR_CPUS) - 1] = 0UL } })

/* kernel/cpu.c: every CPU, and one CPU alone (the kernel's cpu_bit_bitmap) */
extern const struct cpumask __spinlab_cpu_all_mask;
const struct cpumask *cpumask_of(unsigned int cpu);
#define cpu_possible_mask (&__spinlab_cpu_all_mask)
#define cpu_present_mask (&__spinlab_cpu_all_mask)
#define cpu_online_mask (&__spinlab_cpu_all_mask)
#define cpu_active_mask (&__spinlab_cpu_all_mask)
#define cpu_all_mask (&__spinlab_cpu_all_mask)
#define cpu_present(cpu) ((unsigned int)(cpu) < nr_cpumask_bits)
#define cpu_possible(cpu) ((unsigned int)(cpu) < nr_cpumask_bits)
#define cpu_active(cpu) ((unsigned int)(cpu) < nr_cpumask_bits)

static inline bool cpumask_test_cpu(int cpu, const struct cpumask *m)
{
    return (unsigned int)cpu < nr_cpumask_bits && test_bit(cpu, m->bits);
}
static inline void cpumask_set_cpu(unsigned int cpu, struct cpumask *m) { set_bit(cpu, m->bits); }
static inline void __cpumask_set_cpu(unsigned int cpu, struct cpumask *m) { __set_bit(cpu, m->bits); }
static inline void cpumask_clear_cpu(int cpu, struct cpumask *m) { clear_bit(cpu, m->bits); }
static inline void __cpumask_clear_cpu(int cpu, struct cpumask *m) { __clear_bit(cpu, m->bits); }
static inline bool cpumask_test_and_set_cpu(int cpu, struct cpumask *m) { return test_and_set_bit(cpu, m->bits); }
static inline bool cpumask_test_and_clear_cpu(int cpu, struct cpumask *m) { return test_and_clear_bit(cpu, m->bits); }

static inline void cpumask_setall(struct cpumask *m) { bitmap_fill(m->bits, nr_cpumask_bits); }
static inline void cpumask_clear(struct cpumask *m) { bitmap_zero(m->bits, nr_cpumask_bits); }
static inline void cpumask_copy(struct cpumask *d, const struct cpumask *s) { bitmap_copy(d->bits, s->bits, nr_cpumask_bits); }
static inline bool cpumask_and(struct cpumask *d, const struct cpumask *a, const struct cpumask *b)
{
    return bitmap_and(d->bits, a->bits, b->bits, nr_cpumask_bits);
}
static inline void cpumask_or(struct cpumask *d, const struct cpumask *a, const struct cpumask *b)
{
    bitmap_or(d->bits, a->bits, b->bits, nr_cpumask_bits);
}
static inline void cpumask_xor(struct cpumask *d, const struct cpumask *a, const struct cpumask *b)
{
    bitmap_xor(d->bits, a->bits, b->bits, nr_cpumask_bits);
}
static inline bool cpumask_andnot(struct cpumask *d, const struct cpumask *a, const struct cpumask *b)
{
    return bitmap_andnot(d->bits, a->bits, b->bits, nr_cpumask_bits);
}
static inline void cpumask_complement(struct cpumask *d, const struct cpumask *s)
{
    bitmap_complement(d->bits, s->bits, nr_cpumask_bits);
}
static inline bool cpumask_equal(const struct cpumask *a, const struct cpumask *b)
{
    return bitmap_equal(a->bits, b->bits, nr_cpumask_bits);
}
static inline bool cpumask_intersects(const struct cpumask *a, const struct cpumask *b)
{
    return bitmap_intersects(a->bits, b->bits, nr_cpumask_bits);
}
static inline bool cpumask_subset(const struct cpumask *a, const struct cpumask *b)
{
    return bitmap_subset(a->bits, b->bits, nr_cpumask_bits);
}
static inline bool cpumask_empty(const struct cpumask *m) { return bitmap_empty(m->bits, nr_cpumask_bits); }
static inline bool cpumask_full(const struct cpumask *m) { return bitmap_full(m->bits, nr_cpumask_bits); }
static inline unsigned int cpumask_weight(const struct cpumask *m) { return bitmap_weight(m->bits, nr_cpumask_bits); }

/* the first, next and last members: nr_cpumask_bits (>= nr_cpu_ids) when there is none */
static inline unsigned int cpumask_first(const struct cpumask *m) { return find_first_bit(m->bits, nr_cpumask_bits); }
static inline unsigned int cpumask_first_zero(const struct cpumask *m)
{
    return find_first_zero_bit(m->bits, nr_cpumask_bits);
}
static inline unsigned int cpumask_next(int n, const struct cpumask *m)
{
    return find_next_bit(m->bits, nr_cpumask_bits, n + 1);
}
static inline unsigned int cpumask_next_zero(int n, const struct cpumask *m)
{
    return find_next_zero_bit(m->bits, nr_cpumask_bits, n + 1);
}
static inline unsigned int cpumask_last(const struct cpumask *m) { return find_last_bit(m->bits, nr_cpumask_bits); }
static inline unsigned int cpumask_first_and(const struct cpumask *a, const struct cpumask *b)
{
    unsigned int cpu;
    for (cpu = cpumask_first(a); cpu < nr_cpumask_bits; cpu = cpumask_next(cpu, a))
        if (cpumask_test_cpu(cpu, b))
            break;
    return cpu;
}
static inline unsigned int cpumask_any_but(const struct cpumask *m, unsigned int cpu)
{
    unsigned int i = cpumask_first(m);
    if (i != cpu)
        return i;
    return cpumask_next(cpu, m);
}
#define cpumask_any(m) cpumask_first(m)
#define cpumask_any_and(a, b) cpumask_first_and((a), (b))

#define for_each_cpu(cpu, mask) \
    for ((cpu) = cpumask_first(mask); (cpu) < nr_cpumask_bits; (cpu) = cpumask_next((cpu), (mask)))
#define for_each_cpu_not(cpu, mask) \
    for ((cpu) = cpumask_first_zero(mask); (cpu) < nr_cpumask_bits; (cpu) = cpumask_next_zero((cpu), (mask)))
#define for_each_cpu_and(cpu, a, b) \
    for ((cpu) = cpumask_first_and((a), (b)); (cpu) < nr_cpumask_bits; \
         (cpu) = cpumask_next((cpu), (a))) if (!cpumask_test_cpu((cpu), (b))) continue; else

/* on-stack masks: nothing to allocate or free (no CONFIG_CPUMASK_OFFSTACK) */
#define alloc_cpumask_var(maskp, flags) ((void)(flags), true)
#define zalloc_cpumask_var(maskp, flags) ((void)(flags), cpumask_clear(*(maskp)), true)
#define free_cpumask_var(mask) do { (void)(mask); } while (0)

/* "0-2,5": the CPUs of a list (lib/bitmap.c's bitmap_parselist); -EINVAL on bad text, -ERANGE past nr_cpu_ids */
int cpulist_parse(const char *buf, struct cpumask *dstp);

#endif
