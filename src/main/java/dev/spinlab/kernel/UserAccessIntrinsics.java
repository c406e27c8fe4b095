package dev.spinlab.kernel;

import dev.spinlab.machine.CallEnv;
import dev.spinlab.machine.Intrinsic;
import dev.spinlab.machine.Memory;
import java.util.Map;

/*
 * Implementation notes.
 *
 * The architecture's user-access primitives, the part of the kernel's user copies that is
 * hardware: x86's raw_copy_from_user()/raw_copy_to_user() (copy_user_generic, a `rep movsb`)
 * and __clear_user() (`rep stosb`), each covered by an exception-table entry, so a page fault
 * on the user address does not oops: the fixup ends the copy and the primitive returns how
 * many bytes were left (arch/x86/include/asm/uaccess_64.h, arch/x86/lib/copy_user_64.S). The
 * C above them (lib/usercopy.c in the model's tree: access_ok, might_fault, the zeroing of
 * copy_from_user's tail, -EFAULT) is the kernel's policy and stays C.
 *
 * "Faults" here means: the user byte is not mapped user memory. The model has one address
 * space and no page tables (docs/kernel.md), so the machine's shadow stands for them: the NULL
 * page, unmapped bytes (never allocated, redzones between objects, addresses beyond the
 * allocated space, which includes every address at or above TASK_SIZE_MAX) and freed heap
 * bytes fault; string literals are mapped read-only, so writing to them faults. The copy stops
 * at the first such byte and everything before it is copied (the kernel promises only that
 * the count of bytes left is not too small; the model's is exact).
 *
 * The kernel side is an ordinary kernel access: a kernel buffer that is too small or freed is
 * the caller's bug and faults (an oops), checked over the whole length before anything is
 * copied, as KASAN's instrument_copy_from_user_before()/instrument_copy_to_user() check it.
 */
final class UserAccessIntrinsics {
    private UserAccessIntrinsics() {}

    static void register(Map<String, Intrinsic> table) {
        table.put("raw_copy_from_user", Intrinsic.cpuLocal(Intrinsic.CpuLocality.MEMORY, dev.spinlab.kc.rt.LibcEffects.COPY, (env, a) -> copy(env, a[0], a[1], a[2], false)));
        table.put("raw_copy_to_user", Intrinsic.cpuLocal(Intrinsic.CpuLocality.MEMORY, dev.spinlab.kc.rt.LibcEffects.COPY, (env, a) -> copy(env, a[0], a[1], a[2], true)));
        table.put("__clear_user", Intrinsic.cpuLocal(Intrinsic.CpuLocality.MEMORY, (m, cpu, a, obs) -> obs.range(a[0], a[1], true), (env, a) -> clear(env, a[0], a[1])));
    }

    /** Whether a user byte may be read (mapped: valid or read-only). */
    static boolean userReadable(Memory m, long addr) {
        byte s = m.shadow(addr);
        return addr >= Memory.BASE && (s == Memory.VALID || s == Memory.READ_ONLY);
    }

    /** Whether a user byte may be written (mapped and writable). */
    static boolean userWritable(Memory m, long addr) {
        return addr >= Memory.BASE && m.shadow(addr) == Memory.VALID;
    }

    /** Copies n bytes between to and from, toUser saying which side is the user's; returns the bytes left. */
    private static long copy(CallEnv env, long to, long from, long n, boolean toUser) {
        if (n <= 0) {
            return 0;
        }
        Memory m = env.memory();
        if (toUser) {
            m.checkRange(from, n, false);
        } else {
            m.checkRange(to, n, true);
        }
        long done = 0;
        while (done < n && (toUser ? userWritable(m, to + done) : userReadable(m, from + done))) {
            m.rawPut(to + done, m.rawByte(from + done));
            done++;
        }
        if (done > 0) {
            env.state().noteStore(env.cpu(), to, done);
        }
        return n - done;
    }

    /** Zeroes n user bytes at to; returns the bytes left. */
    private static long clear(CallEnv env, long to, long n) {
        Memory m = env.memory();
        long done = 0;
        while (done < n && userWritable(m, to + done)) {
            m.rawPut(to + done, (byte) 0);
            done++;
        }
        if (done > 0) {
            env.state().noteStore(env.cpu(), to, done);
        }
        return Math.max(0, n - done);
    }
}
