package dev.spinlab.kernel;

import dev.spinlab.kc.ir.IrFunction;
import java.util.Set;

/**
 * The kernel API functions whose accesses KCSAN counts as atomic, never as data races: the
 * {@code atomic_t}/{@code atomic64_t} operations, {@code refcount_t} and {@code kref} (built on
 * them), and the atomic bit operations ({@code set_bit}, {@code test_bit}, ...; the {@code __}
 * forms are the non-atomic ones and stay watched). In the kernel they are instrumented with
 * {@code instrument_atomic_*} (include/linux/instrumented.h, atomic-instrumented.h), which
 * KCSAN's {@code kcsan_check_atomic_*} skips. The model compiles these static inline
 * functions into the module that calls them, so the data-race monitor must be told; a
 * driver's own plain accesses, and list or kfifo helpers it calls, stay watched.
 */
public final class KcsanAtomic {
    private static final Set<String> ATOMIC_FILES = Set.of(
            "include/linux/atomic.h", "include/linux/refcount.h", "include/linux/kref.h");
    private static final Set<String> ATOMIC_BITOPS = Set.of(
            "set_bit", "clear_bit", "change_bit", "test_and_set_bit", "test_and_clear_bit",
            "test_and_change_bit", "test_bit");

    private KcsanAtomic() {
    }

    /** Whether fn is one of the model's atomic operations (its accesses are marked). */
    public static boolean isAtomicOperation(IrFunction fn) {
        if (fn == null || fn.loc == null) {
            return false;
        }
        String file = fn.loc.file();
        return ATOMIC_FILES.contains(file)
                || ("include/linux/bitops.h".equals(file) && ATOMIC_BITOPS.contains(fn.name));
    }
}
