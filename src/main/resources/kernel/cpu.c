/*
 * spinlab's model of kernel/cpu.c: the CPU-hotplug lock. In the kernel, cpus_read_lock()
 * pins the set of online CPUs by taking cpu_hotplug_lock for reading (a percpu_rw_semaphore:
 * cheap for readers, a writer waits for them all); hotplug takes it for writing. The model's
 * CPUs never go offline, so nothing here writes it but a module that calls
 * cpus_write_lock(); the lock is real so that might_sleep() and lockdep see it.
 */
#include <linux/cpu.h>
#include <linux/percpu-rwsem.h>
#include <linux/lockdep.h>
#include <linux/cpumask.h>
#include <linux/errno.h>

DEFINE_STATIC_PERCPU_RWSEM(cpu_hotplug_lock);

void cpus_read_lock(void)
{
    percpu_down_read(&cpu_hotplug_lock);
}

int cpus_read_trylock(void)
{
    return percpu_down_read_trylock(&cpu_hotplug_lock);
}

void cpus_read_unlock(void)
{
    percpu_up_read(&cpu_hotplug_lock);
}

void cpus_write_lock(void)
{
    percpu_down_write(&cpu_hotplug_lock);
}

void cpus_write_unlock(void)
{
    percpu_up_write(&cpu_hotplug_lock);
}

void lockdep_assert_cpus_held(void)
{
    percpu_rwsem_assert_held(&cpu_hotplug_lock);
}

/*
 * The CPU masks (kernel/cpu.c keeps __cpu_possible_mask and friends, set while CPUs come up):
 * the model's CPUs are all there from boot and stay, so one constant set serves as all of
 * them, and <linux/cpumask.h> looks at its first nr_cpu_ids bits only.
 */
const struct cpumask __spinlab_cpu_all_mask = { CPU_BITS_ALL };

/* one CPU alone, for cpumask_of() (the kernel's cpu_bit_bitmap table) */
_Static_assert(NR_CPUS == 8, "cpu_bit_masks has one mask per CPU");
static const struct cpumask cpu_bit_masks[NR_CPUS] = {
    { { 1UL << 0 } }, { { 1UL << 1 } }, { { 1UL << 2 } }, { { 1UL << 3 } },
    { { 1UL << 4 } }, { { 1UL << 5 } }, { { 1UL << 6 } }, { { 1UL << 7 } },
};

const struct cpumask *cpumask_of(unsigned int cpu)
{
    return &cpu_bit_masks[cpu];
}

/* a decimal number at *p; advances p; -1 when there is none */
static int cpulist_number(const char **p)
{
    int n = 0;
    if (**p < '0' || **p > '9')
        return -1;
    while (**p >= '0' && **p <= '9') {
        n = n * 10 + (**p - '0');
        (*p)++;
    }
    return n;
}

/* lib/bitmap.c's bitmap_parselist() for CPUs: "N", "A-B" and "A-B:USED/GROUP", comma-separated */
int cpulist_parse(const char *buf, struct cpumask *dstp)
{
    const char *p = buf;
    cpumask_clear(dstp);
    while (*p && *p != '\n') {
        int a = cpulist_number(&p), b = a, used = 1, group = 1, cpu;
        if (a < 0)
            return -EINVAL;
        if (*p == '-') {
            p++;
            b = cpulist_number(&p);
            if (b < a)
                return -EINVAL;
            if (*p == ':') {
                p++;
                used = cpulist_number(&p);
                if (*p++ != '/')
                    return -EINVAL;
                group = cpulist_number(&p);
                if (used <= 0 || group <= 0 || used > group)
                    return -EINVAL;
            }
        }
        if (b >= nr_cpu_ids)
            return -ERANGE;
        for (cpu = a; cpu <= b; cpu++)
            if ((cpu - a) % group < used)
                cpumask_set_cpu(cpu, dstp);
        if (*p == ',')
            p++;
        else if (*p && *p != '\n')
            return -EINVAL;
    }
    return 0;
}
