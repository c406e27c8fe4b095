/*
 * spinlab's model of <linux/cpu.h>: the CPU-hotplug read lock. The model's CPUs never go
 * offline, but cpus_read_lock() is still what the kernel makes it: a read of the
 * percpu_rw_semaphore cpu_hotplug_lock (kernel/cpu.c), which may sleep and which lockdep
 * tracks, so a driver that takes it under a spinlock, or in an order that can deadlock
 * against its own locks, is reported as on a real kernel. Hotplug callbacks
 * (cpuhp_setup_state) are not modelled.
 */
#ifndef _SPINLAB_LINUX_CPU_H
#define _SPINLAB_LINUX_CPU_H

#include <linux/types.h>
#include <linux/smp.h>
#include <linux/percpu.h>

void cpus_read_lock(void);
void cpus_read_unlock(void);
int cpus_read_trylock(void);
void cpus_write_lock(void);
void cpus_write_unlock(void);
void lockdep_assert_cpus_held(void);

/* the names before 5.15 (get_online_cpus() and put_online_cpus()), for older drivers */
#define get_online_cpus() cpus_read_lock()
#define put_online_cpus() cpus_read_unlock()

#endif
