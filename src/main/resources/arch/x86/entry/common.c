/*
 * spinlab's model of arch/x86/entry/common.c and kernel/entry/common.c: the system call
 * gate. User programs enter here through their libc; the return path reschedules if asked
 * to and checks what the kernel checks before going back to user space (lockdep's "lock held
 * when returning to user space"), plus spinlab's own check of a leaked preempt count.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/printk.h>
#include <linux/delay.h>
#include <linux/lockdep.h>
#include <linux/uaccess.h>

#include <asm/unistd.h>

long __x64_sys_read(long fd, long buf, long count);
long __x64_sys_write(long fd, long buf, long count);
long __x64_sys_open(long filename, long flags, long mode);
long __x64_sys_close(long fd, long a, long b);
long __x64_sys_ioctl(long fd, long cmd, long arg);
long __x64_sys_lseek(long fd, long offset, long whence);
long __x64_sys_fork(long a, long b, long c);
long __x64_sys_socket(long family, long type, long protocol);
long __x64_sys_sendto(long fd, long buff, long len, long flags, long addr, long addr_len);
long __x64_sys_recvfrom(long fd, long ubuf, long size, long flags, long addr, long addr_len);
long __x64_sys_setsockopt(long fd, long level, long optname, long optval, long optlen);
long __x64_sys_clock_gettime(long which_clock, long tp, long unused);
long __x64_sys_gettimeofday(long tv, long tz, long unused);
long __x64_sys_delete_module(long name, long flags, long unused);
long __x64_sys_poll(long ufds, long nfds, long timeout);
long __x64_sys_mknod(long filename, long mode, long dev);
void do_exit(long code);

struct timespec_user {
    long tv_sec;
    long tv_nsec;
};

/*
 * nanosleep(2) (kernel/time/hrtimer.c): the request is copied in (get_timespec64: -EFAULT for a
 * bad pointer) and checked (timespec64_valid: -EINVAL), then the task sleeps, at the model's
 * millisecond grain.
 */
long __x64_sys_nanosleep(long req, long rem, long unused)
{
    struct timespec_user ts;
    if (copy_from_user(&ts, (const void __user *)req, sizeof(ts)))
        return -EFAULT;
    if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000L)
        return -EINVAL;
    msleep(ts.tv_sec * 1000 + ts.tv_nsec / 1000000);
    return 0;
}

long __x64_sys_getpid(long a, long b, long c)
{
    return current->pid;
}

long __x64_sys_exit(long code, long b, long c)
{
    do_exit(code);
    return 0;
}

void exit_to_user_mode(void)
{
    int count;
    /* exit_to_user_mode_prepare: a lock still held on the way out is lockdep's report */
    lockdep_sys_exit();
    count = preempt_count();
    /* The kernel itself does not check this (lockdep reports held locks here); spinlab
     * reports the leak in its own words and, as the kernel, leaves the count as it is. */
    if (count != 0 && !current->preempt_leak_reported) {
        current->preempt_leak_reported = 1;
        char msg[192];
        snprintf(msg, sizeof(msg), "%s/%d returned to user space with preempt_count %08x (a spinlock or"
                 " preempt_disable() leaked out of a system call)", current->comm, current->pid, count);
        __spinlab_finding("preempt-leak-to-user", msg, SPINLAB_FINDING_NO_STACK);
    }
}

static void syscall_exit_to_user_mode(void)
{
    local_irq_disable();
    if (need_resched()) {
        local_irq_enable();
        schedule();
        local_irq_disable();
    }
    exit_to_user_mode();
    local_irq_enable();
}

static long x64_sys_call(long nr, long a0, long a1, long a2, long a3, long a4, long a5)
{
    switch (nr) {
    case __NR_read: return __x64_sys_read(a0, a1, a2);
    case __NR_write: return __x64_sys_write(a0, a1, a2);
    case __NR_open: return __x64_sys_open(a0, a1, a2);
    case __NR_close: return __x64_sys_close(a0, a1, a2);
    case __NR_ioctl: return __x64_sys_ioctl(a0, a1, a2);
    case __NR_lseek: return __x64_sys_lseek(a0, a1, a2);
    case __NR_nanosleep: return __x64_sys_nanosleep(a0, a1, a2);
    case __NR_getpid: return __x64_sys_getpid(a0, a1, a2);
    case __NR_fork: return __x64_sys_fork(a0, a1, a2);
    case __NR_socket: return __x64_sys_socket(a0, a1, a2);
    case __NR_sendto: return __x64_sys_sendto(a0, a1, a2, a3, a4, a5);
    case __NR_recvfrom: return __x64_sys_recvfrom(a0, a1, a2, a3, a4, a5);
    case __NR_setsockopt: return __x64_sys_setsockopt(a0, a1, a2, a3, a4);
    case __NR_gettimeofday: return __x64_sys_gettimeofday(a0, a1, a2);
    case __NR_clock_gettime: return __x64_sys_clock_gettime(a0, a1, a2);
    case __NR_delete_module: return __x64_sys_delete_module(a0, a1, a2);
    case __NR_poll: return __x64_sys_poll(a0, a1, a2);
    case __NR_mknod: return __x64_sys_mknod(a0, a1, a2);
    case __NR_exit: return __x64_sys_exit(a0, a1, a2);
    case __NR_exit_group: return __x64_sys_exit(a0, a1, a2);
    }
    return -ENOSYS;
}

/* The six argument registers of x86-64 (rdi, rsi, rdx, r10, r8, r9). */
long do_syscall_64(long nr, long a0, long a1, long a2, long a3, long a4, long a5)
{
    long ret;
    current->in_syscall = current->in_syscall + 1;
    ret = x64_sys_call(nr, a0, a1, a2, a3, a4, a5);
    current->in_syscall = current->in_syscall - 1;
    syscall_exit_to_user_mode();
    return ret;
}
