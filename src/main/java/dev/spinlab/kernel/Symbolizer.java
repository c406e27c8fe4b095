package dev.spinlab.kernel;

import dev.spinlab.kc.ir.Linker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Turns addresses into {@code name+0xoff/0xsize [module]}, as the kernel's %pS and stack dumps do. */
public final class Symbolizer {
    private final List<Linker.Placed> symbols = new ArrayList<>();
    private final java.util.Map<String, String> moduleOfFile = new java.util.HashMap<>();

    private final List<Long> moduleFunctions = new ArrayList<>();

    public void add(List<Linker.Placed> placed, String module) {
        symbols.addAll(placed);
        symbols.sort(Comparator.comparingLong(Linker.Placed::address));
        if (module != null) {
            for (Linker.Placed p : placed) {
                moduleOfFile.put(p.file(), module);
                // stacks name a file by its normalised path (examples/lockdep-abba/abba.c for a
                // manifest's ../lockdep-abba/abba.c): known by that name too
                moduleOfFile.put(java.nio.file.Path.of(p.file()).normalize().toString(), module);
                if (p.isFunction()) {
                    moduleFunctions.add(p.address());
                }
            }
        }
    }

    /** Code addresses of every function the modules define (static ones included). */
    public List<Long> moduleFunctionAddresses() {
        return java.util.Collections.unmodifiableList(moduleFunctions);
    }

    /** The module a source file was loaded as, or null for the kernel itself. */
    public String moduleOf(String file) {
        return moduleOfFile.get(file);
    }

    /** The name of the data object containing addr (a global or a function's static), or null. */
    public String objectName(long addr) {
        for (Linker.Placed p : symbols) {
            if (!p.isFunction() && p.address() <= addr && addr < p.address() + Math.max(p.size(), 1)) {
                return p.name();
            }
        }
        return null;
    }

    /** {@code name [module]}, as the kernel's %ps prints a symbol (sprint_symbol_no_offset). */
    public String symbolizeNoOffset(long addr) {
        Linker.Placed best = placedAt(addr);
        if (best == null) {
            return String.format("0x%x", addr);
        }
        return best.name() + moduleSuffix(best);
    }

    /** {@code name+0xoff/0xsize [module]}, as the kernel's %pS prints a symbol. */
    public String symbolize(long addr) {
        Linker.Placed best = placedAt(addr);
        if (best == null) {
            return String.format("0x%x", addr);
        }
        return String.format("%s+0x%x/0x%x%s", best.name(), addr - best.address(), Math.max(best.size(), 1),
                moduleSuffix(best));
    }

    /** The last placed symbol that holds addr, or null. */
    private Linker.Placed placedAt(long addr) {
        Linker.Placed best = null;
        for (Linker.Placed p : symbols) {
            if (p.address() <= addr && addr < p.address() + Math.max(p.size(), 1)) {
                best = p;
            }
        }
        return best;
    }

    private String moduleSuffix(Linker.Placed p) {
        String mod = moduleOf(p.file());
        return mod != null ? " [" + mod + "]" : "";
    }
}
