package dev.spinlab.kernel;

import java.util.List;

/** The model kernel's C sources (classpath resources laid out like the kernel tree), in link order. */
public final class KernelSources {
    private KernelSources() {}

    public static final List<String> KERNEL = List.of(
            "init/main.c",
            "kernel/sched/core.c",
            "kernel/sched/wait.c",
            "kernel/sched/completion.c",
            "kernel/softirq.c",
            "kernel/time/timer.c",
            "kernel/time/time.c",
            "kernel/time/timekeeping.c",
            "kernel/time/hrtimer.c",
            "kernel/kthread.c",
            "kernel/panic.c",
            "kernel/reboot.c",
            "kernel/capability.c",
            "kernel/resource.c",
            "kernel/watchdog.c",
            "kernel/locking/spinlock.c",
            "kernel/locking/spinlock_debug.c",
            "kernel/locking/mutex.c",
            "kernel/locking/semaphore.c",
            "kernel/workqueue.c",
            "kernel/irq/handle.c",
            "kernel/fork.c",
            "kernel/params.c",
            "kernel/module/main.c",
            "arch/x86/entry/common.c",
            "fs/open.c",
            "fs/char_dev.c",
            "fs/select.c",
            "fs/seq_file.c",
            "fs/proc/generic.c",
            "lib/usercopy.c",
            "lib/ubsan.c",
            "lib/debug_locks.c",
            "lib/kstrtox.c",
            "lib/kobject.c",
            "lib/bug.c",
            "lib/checksum.c",
            "lib/string.c",
            "lib/ratelimit.c",
            "lib/hexdump.c",
            "lib/refcount.c",
            "lib/kfifo.c",
            "lib/find_bit.c",
            "lib/bitmap.c",
            "lib/percpu.c",
            "mm/slab.c",
            "mm/util.c",
            "mm/vmalloc.c",
            "mm/page_alloc.c",
            "fs/read_write.c",
            "net/core/skbuff.c",
            "net/core/sock.c",
            "net/core/dev.c",
            "net/ethernet/eth.c",
            "net/netfilter/core.c",
            "net/ipv4/route.c",
            "net/ipv4/ip_input.c",
            "net/ipv4/ip_output.c",
            "net/ipv4/icmp.c",
            "net/ipv4/raw.c",
            "net/ipv4/af_inet.c",
            "net/socket.c",
            "drivers/net/loopback.c",
            "drivers/net/spinlab_nic.c",
            "drivers/watchdog/watchdog_core.c",
            "kernel/rcu/update.c",
            "drivers/char/random.c",
            "kernel/user.c",
            "drivers/base/devres.c",
            "drivers/base/platform.c",
            "kernel/irq/devres.c",
            "kernel/locking/rwsem.c",
            "lib/idr.c",
            "kernel/locking/rtmutex.c",
            "kernel/locking/rtmutex_api.c",
            "kernel/locking/spinlock_rt.c",
            "kernel/locking/percpu-rwsem.c",
            "kernel/notifier.c",
            "drivers/char/hw_random/core.c",
            "kernel/cpu.c",
            "init/calibrate.c",
            "lib/dec_and_lock.c");

    /** The user-space side of the C library, linked into every user program. */
    public static final String LIBC = "usr/lib/libc.c";

    public static String read(String resource) {
        try (var in = KernelSources.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing model kernel source " + resource);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
