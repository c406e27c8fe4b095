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
