package dev.spinlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinlab.kc.ir.CodeSpace;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every intrinsic the model kernel links declares what it touches (machine.Effects, beside
 * its body) or is knowingly left undeclared: an undeclared one makes check's footprint of its
 * step unknown (sound, never reduced). A new intrinsic must take one side: this list changes
 * with it.
 */
class IntrinsicEffectsTest {
    /** Intrinsics whose effects are not declared: what they touch is not worth describing (rare, or Java-side). */
    static final Set<String> UNDECLARED = Set.of(
            // boot and process bookkeeping: run before check's search starts, or rare
            "__spinlab_start_secondary", "__spinlab_process_started", "__spinlab_fork_context",
            // formatting into kernel memory through va_lists and Java-side parsing
            "vprintk", "vscnprintf", "scnprintf", "kasprintf", "__spinlab_ksize", "sscanf",
            "vprintf", "vsprintf", "vsnprintf", "strcat", "abs",
            // ends the path anyway
            "__spinlab_bug", "exit", "abort",
            "__ubsan_handle_divrem_overflow", "__ubsan_handle_shift_out_of_bounds");

    @Test
    void everyIntrinsicDeclaresItsEffectsOrIsListedAsUndeclared() {
        Kernel k = KernelBootTest.boot(1);
        CodeSpace code = k.interpreter().code();
        Set<String> undeclared = new TreeSet<>();
        for (int id = 0; id < code.size(); id++) {
            CodeSpace.Entry e = code.entry(id);
            if (e.fn() == null && e.intrinsic() != null && e.intrinsic().effects() == null) {
                undeclared.add(e.name());
            }
        }
        assertThat(undeclared).as("intrinsics without declared effects").isSubsetOf(UNDECLARED);
        assertThat(code.size()).isPositive();
    }

    /** kasprintf (device_create's name) declares the format and the %s strings it reads, not only its allocation. */
    @Test
    void kasprintfDeclaresTheStringsItFormats() {
        Kernel k = KernelBootTest.boot(1);
        dev.spinlab.machine.Intrinsic kasprintf = linked(k, "__spinlab_kasprintf");
        dev.spinlab.machine.MachineState m = k.state().copy();
        long fmt = m.mem.map(8, 8, 0, dev.spinlab.machine.Memory.VALID);
        long name = m.mem.map(8, 8, 0, dev.spinlab.machine.Memory.VALID);
        byte[] f = "%s-%d".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] n = "eth".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int i = 0; i < f.length; i++) {
            m.mem.store(fmt + i, 1, f[i]);
        }
        for (int i = 0; i < n.length; i++) {
            m.mem.store(name + i, 1, n[i]);
        }
        Set<String> heard = new TreeSet<>();
        kasprintf.effects().declare(m, 0, new long[] {fmt, name, 7}, new dev.spinlab.machine.AccessObserver() {
            @Override
            public void access(long addr, long size, boolean write, int fn, int pc) {
                heard.add((addr == fmt ? "fmt" : addr == name ? "name" : "other") + ":" + size + (write ? "w" : "r"));
            }

            @Override
            public void register(dev.spinlab.machine.Register r, int index, boolean write) {
                heard.add(r + (write ? "w" : "r"));
            }
        });
        // the strings with their NULs, and the arena's pointer (read and written)
        assertThat(heard).contains("fmt:6r", "name:4r");
        assertThat(heard).anyMatch(h -> h.endsWith("w") && (h.startsWith("ARENA") || h.startsWith("HEAP")));
    }

    /**
     * The kernel's intrinsics as the linked code calls them (KernelIntrinsics.lookup wraps each
     * one) keep the CPU locality declared beside their bodies: check's cpu-local reduction
     * reads it from the linked entry. (A wrapper that dropped it made every one of them
     * visible again without failing anything else.)
     */
    @Test
    void theLinkedIntrinsicsKeepTheirCpuLocality() {
        Kernel k = KernelBootTest.boot(1);
        CodeSpace code = k.interpreter().code();
        java.util.Map<String, dev.spinlab.machine.Intrinsic.CpuLocality> linked = new java.util.TreeMap<>();
        for (int id = 0; id < code.size(); id++) {
            CodeSpace.Entry e = code.entry(id);
            if (e.fn() == null && e.intrinsic() != null) {
                linked.put(e.name(), e.intrinsic().cpuLocality());
            }
        }
        var irqsOff = dev.spinlab.machine.Intrinsic.CpuLocality.IRQS_OFF;
        var always = dev.spinlab.machine.Intrinsic.CpuLocality.ALWAYS;
        var memory = dev.spinlab.machine.Intrinsic.CpuLocality.MEMORY;
        assertThat(linked).containsEntry("__preempt_count_add", irqsOff).containsEntry("__preempt_count_sub", irqsOff)
                .containsEntry("arch_local_irq_restore", irqsOff).containsEntry("lock_acquire", irqsOff)
                .containsEntry("get_current", always).containsEntry("__dmb", always)
                .containsEntry("raw_copy_from_user", memory).containsEntry("__spinlab_kmalloc", memory)
                // shared state: never local
                .containsEntry("__ldrex", dev.spinlab.machine.Intrinsic.CpuLocality.NEVER)
                // a SEV writes only the event registers: local where check makes them dead state
                .containsEntry("__sev", dev.spinlab.machine.Intrinsic.CpuLocality.EVENTS_DEAD)
                .containsEntry("__spinlab_kfree", dev.spinlab.machine.Intrinsic.CpuLocality.NEVER);
    }

    @Test
    void aDeclarationIsWhatTheObserverHears() {
        Kernel k = KernelBootTest.boot(2);
        dev.spinlab.machine.Intrinsic sev = linked(k, "__sev");
        Set<String> heard = new TreeSet<>();
        sev.effects().declare(k.state(), 0, new long[0], new dev.spinlab.machine.AccessObserver() {
            @Override
            public void access(long addr, long size, boolean write, int fn, int pc) {
                heard.add("mem");
            }

            @Override
            public void register(dev.spinlab.machine.Register r, int index, boolean write) {
                heard.add(r + "#" + index + (write ? "w" : "r"));
            }
        });
        // ARM's SEV signals every CPU's event register
        assertThat(heard).containsExactly("EVENT#0w", "EVENT#1w");
    }

    /** The intrinsic the booted kernel's code calls by this name (as linked, wrappers included). */
    static dev.spinlab.machine.Intrinsic linked(Kernel k, String name) {
        CodeSpace code = k.interpreter().code();
        for (int id = 0; id < code.size(); id++) {
            if (name.equals(code.entry(id).name()) && code.entry(id).fn() == null) {
                return code.entry(id).intrinsic();
            }
        }
        throw new AssertionError("no intrinsic " + name + " linked");
    }
}
