/*
 * spinlab's model of <linux/percpu.h> and <linux/percpu-defs.h>: per-CPU variables. A
 * DEFINE_PER_CPU(type, name) is an array of NR_CPUS copies; per_cpu(name, cpu) is that CPU's
 * copy and this_cpu_*() work on the running CPU's copy. The this_cpu_*() operations are
 * atomic against interrupts on this CPU (the kernel's generic versions disable interrupts
 * around them; so does the model, through raw_local_irq_save), and the __this_cpu_*() ones are
 * plain; get_cpu_var()/put_cpu_var() and get_cpu()/put_cpu() disable preemption, so the task
 * stays on the CPU whose copy it uses.
 *
 * Limitation: only static per-CPU variables (DEFINE_PER_CPU/DECLARE_PER_CPU); the accessors
 * taking a pointer expect &name of such a variable. alloc_percpu() is not modelled.
 */
#ifndef _SPINLAB_LINUX_PERCPU_H
#define _SPINLAB_LINUX_PERCPU_H

#include <linux/types.h>
#include <linux/smp.h>
#include <linux/preempt.h>
#include <linux/irqflags.h>

#define DEFINE_PER_CPU(type, name) __typeof__(type) name[NR_CPUS]
#define DECLARE_PER_CPU(type, name) extern __typeof__(type) name[NR_CPUS]
#define DEFINE_PER_CPU_ALIGNED(type, name) DEFINE_PER_CPU(type, name)
#define DECLARE_PER_CPU_ALIGNED(type, name) DECLARE_PER_CPU(type, name)
#define DEFINE_PER_CPU_SHARED_ALIGNED(type, name) DEFINE_PER_CPU(type, name)
#define DECLARE_PER_CPU_SHARED_ALIGNED(type, name) DECLARE_PER_CPU(type, name)
#define DEFINE_PER_CPU_READ_MOSTLY(type, name) DEFINE_PER_CPU(type, name)
#define EXPORT_PER_CPU_SYMBOL(var) extern int __spinlab_modinfo_unused
#define EXPORT_PER_CPU_SYMBOL_GPL(var) extern int __spinlab_modinfo_unused

#define per_cpu(var, cpu) ((var)[(cpu)])
#define per_cpu_ptr(ptr, cpu) (&(*(ptr))[(cpu)])
#define raw_cpu_ptr(ptr) per_cpu_ptr((ptr), raw_smp_processor_id())
#define this_cpu_ptr(ptr) per_cpu_ptr((ptr), smp_processor_id())
/* preempt_disable(), then this CPU's copy (lib/percpu.c: the kernel's are statement expressions) */
void *__spinlab_get_cpu_ptr(void *base, unsigned long size);
#define get_cpu_ptr(ptr) ((__typeof__(&(*(ptr))[0]))__spinlab_get_cpu_ptr(&(*(ptr))[0], sizeof((*(ptr))[0])))
#define put_cpu_ptr(ptr) do { (void)(ptr); preempt_enable(); } while (0)
#define get_cpu_var(var) (*(__typeof__(&(var)[0]))__spinlab_get_cpu_ptr(&(var)[0], sizeof((var)[0])))
#define put_cpu_var(var) do { (void)&(var); preempt_enable(); } while (0)


/* plain accesses of this CPU's copy (the caller keeps preemption or interrupts off) */
#define __this_cpu_read(var) ((var)[smp_processor_id()])
#define __this_cpu_write(var, val) ((var)[smp_processor_id()] = (val))
#define __this_cpu_add(var, val) ((var)[smp_processor_id()] += (val))
#define __this_cpu_sub(var, val) ((var)[smp_processor_id()] -= (val))
#define __this_cpu_inc(var) __this_cpu_add(var, 1)
#define __this_cpu_dec(var) __this_cpu_sub(var, 1)
#define raw_cpu_read(var) __this_cpu_read(var)
#define raw_cpu_write(var, val) __this_cpu_write(var, val)
#define raw_cpu_add(var, val) __this_cpu_add(var, val)
#define raw_cpu_inc(var) __this_cpu_inc(var)
#define raw_cpu_sub(var, val) __this_cpu_sub(var, val)
#define raw_cpu_dec(var) __this_cpu_dec(var)
#define __this_cpu_or(var, val) ((var)[smp_processor_id()] |= (val))
#define __this_cpu_and(var, val) ((var)[smp_processor_id()] &= (val))
/* the value after the operation; a subtraction negates in the variable's type, as the kernel's does */
#define __this_cpu_add_return(var, val) ((var)[smp_processor_id()] += (val))
#define __this_cpu_sub_return(var, val) __this_cpu_add_return(var, -(__typeof__((var)[0]))(val))
#define __this_cpu_inc_return(var) __this_cpu_add_return(var, 1)
#define __this_cpu_dec_return(var) __this_cpu_add_return(var, -1)
#define raw_cpu_add_return(var, val) __this_cpu_add_return(var, val)
#define __this_cpu_xchg(var, nval) ({ __typeof__((var)[0]) __pcpu_old = (var)[smp_processor_id()]; \
        (var)[smp_processor_id()] = (nval); __pcpu_old; })
#define __this_cpu_cmpxchg(var, oval, nval) ({ __typeof__((var)[0]) __pcpu_old = (var)[smp_processor_id()]; \
        if (__pcpu_old == (oval)) (var)[smp_processor_id()] = (nval); __pcpu_old; })
#define raw_cpu_xchg(var, nval) __this_cpu_xchg(var, nval)
#define raw_cpu_cmpxchg(var, oval, nval) __this_cpu_cmpxchg(var, oval, nval)

/*
 * this_cpu_*(): one read-modify-write of this CPU's copy that an interrupt on this CPU cannot
 * split (include/asm-generic/percpu.h: this_cpu_generic_to_op, under raw_local_irq_save).
 */
unsigned long __spinlab_this_cpu_save(void);
void __spinlab_this_cpu_restore(unsigned long flags);
#define this_cpu_read(var) ((var)[raw_smp_processor_id()])
#define this_cpu_write(var, val) do { unsigned long __pcpu_flags = __spinlab_this_cpu_save(); \
        (var)[raw_smp_processor_id()] = (val); __spinlab_this_cpu_restore(__pcpu_flags); } while (0)
#define this_cpu_add(var, val) do { unsigned long __pcpu_flags = __spinlab_this_cpu_save(); \
        (var)[raw_smp_processor_id()] += (val); __spinlab_this_cpu_restore(__pcpu_flags); } while (0)
/* -(typeof(pcp))(val), as include/linux/percpu-defs.h has it: an unsigned val negated in its
 * own narrower type would add 2^32 - val to a long */
#define this_cpu_sub(var, val) this_cpu_add(var, -(__typeof__((var)[0]))(val))
#define this_cpu_inc(var) this_cpu_add(var, 1)
#define this_cpu_dec(var) this_cpu_sub(var, 1)
#define this_cpu_or(var, val) do { unsigned long __pcpu_flags = __spinlab_this_cpu_save(); \
        (var)[raw_smp_processor_id()] |= (val); __spinlab_this_cpu_restore(__pcpu_flags); } while (0)
#define this_cpu_and(var, val) do { unsigned long __pcpu_flags = __spinlab_this_cpu_save(); \
        (var)[raw_smp_processor_id()] &= (val); __spinlab_this_cpu_restore(__pcpu_flags); } while (0)

/* the _return, xchg and cmpxchg forms, under the same save and restore (this_cpu_generic_*) */
#define this_cpu_add_return(var, val) ({ unsigned long __pcpu_flags = __spinlab_this_cpu_save(); \
        __typeof__((var)[0]) __pcpu_ret = ((var)[raw_smp_processor_id()] += (val)); \
        __spinlab_this_cpu_restore(__pcpu_flags); __pcpu_ret; })
#define this_cpu_sub_return(var, val) this_cpu_add_return(var, -(__typeof__((var)[0]))(val))
#define this_cpu_inc_return(var) this_cpu_add_return(var, 1)
#define this_cpu_dec_return(var) this_cpu_add_return(var, -1)
#define this_cpu_xchg(var, nval) ({ unsigned long __pcpu_flags = __spinlab_this_cpu_save(); \
        __typeof__((var)[0]) __pcpu_old = (var)[raw_smp_processor_id()]; \
        (var)[raw_smp_processor_id()] = (nval); __spinlab_this_cpu_restore(__pcpu_flags); __pcpu_old; })
#define this_cpu_cmpxchg(var, oval, nval) ({ unsigned long __pcpu_flags = __spinlab_this_cpu_save(); \
        __typeof__((var)[0]) __pcpu_old = (var)[raw_smp_processor_id()]; \
        if (__pcpu_old == (oval)) (var)[raw_smp_processor_id()] = (nval); \
        __spinlab_this_cpu_restore(__pcpu_flags); __pcpu_old; })

/* for_each_possible_cpu() and friends: the model's CPUs are all possible, present and online */
#define for_each_possible_cpu(cpu) for ((cpu) = 0; (cpu) < nr_cpu_ids; (cpu)++)
#define for_each_online_cpu(cpu) for_each_possible_cpu(cpu)
#define for_each_present_cpu(cpu) for_each_possible_cpu(cpu)
#define num_possible_cpus() nr_cpu_ids
#define num_present_cpus() nr_cpu_ids
#define cpu_online(cpu) ((cpu) < nr_cpu_ids)

#endif
