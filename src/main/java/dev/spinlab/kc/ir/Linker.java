package dev.spinlab.kc.ir;

import dev.spinlab.kc.ast.Expr;
import dev.spinlab.kc.ast.FunctionDef;
import dev.spinlab.kc.ast.GlobalVar;
import dev.spinlab.kc.ast.Initializer;
import dev.spinlab.kc.ast.TranslationUnit;
import dev.spinlab.kc.diag.CompileError;
import dev.spinlab.kc.lex.SrcLoc;
import dev.spinlab.machine.Intrinsic;
import dev.spinlab.machine.Memory;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/*
 * Implementation notes.
 *
 * Loads a set of translation units into a machine: places every global (with an unmapped
 * redzone between objects, so an overrun faults as AddressSanitizer would report it) and every
 * string literal (read-only), compiles every function into the CodeSpace, then resolves
 * each relocation the way ld does: a file's own static symbols first, then the program's
 * external symbols, then the intrinsics offered by the layer below (libc, or the kernel's
 * primitives). An unresolved symbol is gcc's "undefined reference" error, reported at its
 * first use; like ld, the link goes on and reports every undefined symbol at once. Global initialisers are written last, once every address is known.
 */
public final class Linker {
    public static final int GLOBAL_REDZONE = 64;
    public static final int DATA_GAP = 64 * 1024;

    private final CodeSpace code;
    private final Memory mem;
    private final Function<String, Intrinsic> intrinsics;
    private final Map<String, Long> external = new LinkedHashMap<>();
    private final Map<String, SrcLoc> definedAt = new HashMap<>();

    private final Function<String, Long> imports;
    /** Symbols no image, import or intrinsic defines, each with its first reference, in link order. */
    private final Map<String, SrcLoc> undefined = new LinkedHashMap<>();

    public Linker(CodeSpace code, Memory mem, Function<String, Intrinsic> intrinsics) {
        this(code, mem, intrinsics, name -> null);
    }

    /**
     * @param imports addresses of symbols another image offers this one (a kernel's exported
     *        symbols to its modules, the syscall gate to a user program); consulted after this
     *        image's own symbols and before the intrinsics
     */
    public Linker(CodeSpace code, Memory mem, Function<String, Intrinsic> intrinsics, Function<String, Long> imports) {
        this.code = code;
        this.mem = mem;
        this.intrinsics = intrinsics;
        this.imports = imports;
    }

    /** A placed object or function: for symbolising addresses (%pS, stack dumps). */
    public record Placed(String name, long address, long size, String file, boolean isFunction) {}

    /**
     * The result: the program's external symbols and their addresses, and every object and
     * function placed (statics included).
     */
    public record Image(Map<String, Long> symbols, List<Placed> placed) {
        public Long address(String name) {
            return symbols.get(name);
        }
    }

    public Image link(List<TranslationUnit> units) {
        StringPool strings = new StringPool();
        List<Placed> placed = new java.util.ArrayList<>();
        List<Map<String, Long>> local = new java.util.ArrayList<>();
        // 1. place globals
        for (TranslationUnit tu : units) {
            Map<String, Long> mine = new HashMap<>();
            local.add(mine);
            for (GlobalVar g : tu.globals()) {
                long size = g.type().size();
                if (size < 0) {
                    throw new CompileError(g.loc(), "storage size of '" + g.name() + "' isn't known");
                }
                long free = Memory.MAX_BYTES - (mem.top() - Memory.BASE);
                if (size > free) {
                    // the linker's job: a static object larger than the memory it places it in
                    throw new CompileError(g.loc(), "'" + g.name() + "' needs " + size + " bytes of static storage;"
                            + " the model machine's memory is " + (Memory.MAX_BYTES >> 20) + " MiB (" + free
                            + " bytes left): it cannot be linked");
                }
                long addr = mem.map(Math.max(size, 1), Math.max(g.type().align(), 8), GLOBAL_REDZONE, Memory.VALID);
                define(g.isStatic() ? mine : external, g.name(), addr, g.loc());
                placed.add(new Placed(g.name(), addr, size, tu.file(), false));
            }
        }
        // A program's data ends in unmapped space, so an index far past its last object faults.
        mem.gap(DATA_GAP);
        // 2. compile functions
        Map<IrFunction, Integer> owner = new LinkedHashMap<>();
        for (int i = 0; i < units.size(); i++) {
            Map<FunctionDef, IrFunction> compiled = compileUsed(units.get(i), strings);
            for (FunctionDef f : units.get(i).functions()) {
                IrFunction ir = compiled.get(f);
                if (ir == null) {
                    continue; // an unused helper of <linux/cleanup.h>
                }
                int id = code.add(ir);
                define(f.isStatic() ? local.get(i) : external, f.name(), CodeSpace.address(id), f.loc());
                placed.add(new Placed(f.name(), CodeSpace.address(id), ir.instructionCount() * 4L,
                        units.get(i).file(), true));
                owner.put(ir, i);
            }
        }
        // 3. string literals (those of global initialisers are added while writing them; place after)
        Map<String, Long> stringAddr = new HashMap<>();
        // 4. initialisers may reference strings too: collect them first by a dry pass
        for (TranslationUnit tu : units) {
            for (GlobalVar g : tu.globals()) {
                if (g.init() != null) {
                    forEachInitExpr(g.init(), e -> collectStrings(e, strings));
                }
            }
        }
        for (int i = 0; i < strings.literals().size(); i++) {
            byte[] s = strings.literals().get(i);
            long addr = mem.map(s.length, 1, 16, Memory.READ_ONLY);
            for (int k = 0; k < s.length; k++) {
                mem.rawPut(addr + k, s[k]);
            }
            stringAddr.put(".LC" + i, addr);
        }
        mem.gap(DATA_GAP);
        // 5. relocations (every undefined symbol is collected, then all are reported at once, as ld does)
        undefined.clear();
        for (Map.Entry<IrFunction, Integer> e : owner.entrySet()) {
            IrFunction ir = e.getKey();
            Map<String, Long> mine = local.get(e.getValue());
            for (IrFunction.Reloc r : ir.relocs) {
                ir.consts[r.constIndex()] = resolve(r.symbol(), mine, stringAddr, r.loc()) + r.addend();
            }
        }
        // 6. initialisers
        for (int i = 0; i < units.size(); i++) {
            Map<String, Long> mine = local.get(i);
            for (GlobalVar g : units.get(i).globals()) {
                if (g.init() == null) {
                    continue;
                }
                long base = (g.isStatic() ? mine : external).get(g.name());
                GlobalInitWriter w = new GlobalInitWriter(mem, strings,
                        (sym, loc) -> resolve(sym, mine, stringAddr, loc));
                w.write(base, g.type(), g.init());
            }
        }
        // const objects are .rodata: written once here, read-only from now on (a write faults,
        // as on the kernel's write-protected .rodata, mark_rodata_ro)
        for (int i = 0; i < units.size(); i++) {
            Map<String, Long> mine = local.get(i);
            for (GlobalVar g : units.get(i).globals()) {
                if (g.readOnly() && g.type().size() > 0) {
                    mem.setShadow((g.isStatic() ? mine : external).get(g.name()), g.type().size(), Memory.READ_ONLY);
                }
            }
        }
        if (!undefined.isEmpty()) {
            List<CompileError> errors = new java.util.ArrayList<>();
            for (Map.Entry<String, SrcLoc> u : undefined.entrySet()) {
                CompileError e = new CompileError(u.getValue(), "undefined reference to '" + u.getKey() + "'");
                // declared by a model header yet defined nowhere: the model does not provide it
                var hint = dev.spinlab.kc.pp.ModelHeaders.get().lookup(u.getKey(), false);
                if (hint.isPresent() && hint.get().modelled()) {
                    e = e.withNote(u.getValue(), "'" + u.getKey() + "' is declared in the model's '<"
                            + hint.get().header() + ">' but spinlab does not define it (not modelled)");
                }
                errors.add(e);
            }
            throw CompileError.all(errors);
        }
        return new Image(Map.copyOf(external), List.copyOf(placed));
    }

    private void define(Map<String, Long> scope, String name, long addr, SrcLoc loc) {
        if (scope.containsKey(name)) {
            throw new CompileError(loc, "multiple definition of '" + name + "'"
                    + (definedAt.containsKey(name) ? "; first defined at " + definedAt.get(name) : ""));
        }
        scope.put(name, addr);
        definedAt.putIfAbsent(name, loc);
    }

    private long resolve(String sym, Map<String, Long> mine, Map<String, Long> strings, SrcLoc loc) {
        Long a = mine.get(sym);
        if (a == null) {
            a = external.get(sym);
        }
        if (a == null) {
            a = strings.get(sym);
        }
        if (a == null) {
            a = imports.apply(sym);
        }
        if (a == null) {
            Intrinsic in = intrinsics.apply(sym);
            if (in != null) {
                a = CodeSpace.address(code.intrinsic(sym, in));
            }
        }
        if (a == null) {
            undefined.putIfAbsent(sym, loc); // reported with the others at the end of the link
            return 0;
        }
        return a;
    }

    /**
     * The static helpers <linux/cleanup.h>'s macros generate (DEFINE_FREE's __free_NAME,
     * DEFINE_CLASS's and the guards' class_NAME_constructor/_destructor): every file including
     * <linux/spinlock.h> defines dozens, so like gcc, which emits no unused static inline
     * function, the model keeps only those the file uses; the rest would only move the
     * addresses of every function after them.
     */
    private static final java.util.regex.Pattern CLEANUP_HELPER =
            java.util.regex.Pattern.compile("__free_\\w+|class_\\w+_(constructor|destructor)");

    private static boolean isCleanupHelper(FunctionDef f) {
        return f.isStatic() && isCleanupHelperName(f.name());
    }

    /** A name <linux/cleanup.h>'s macros generate (the kernel's compiler always inlines those helpers). */
    public static boolean isCleanupHelperName(String name) {
        return CLEANUP_HELPER.matcher(name).matches();
    }

    /**
     * Compiles a unit's functions in order, leaving out the cleanup helpers nothing refers to
     * (through the relocations of the functions kept and the unit's static initialisers).
     */
    private static Map<FunctionDef, IrFunction> compileUsed(TranslationUnit tu, StringPool strings) {
        Map<FunctionDef, IrFunction> out = new java.util.IdentityHashMap<>();
        java.util.Set<String> used = new java.util.HashSet<>();
        for (FunctionDef f : tu.functions()) {
            if (!isCleanupHelper(f)) {
                IrFunction ir = new FunctionCompiler(f, strings).compile();
                out.put(f, ir);
                ir.relocs.forEach(r -> used.add(r.symbol()));
            }
        }
        for (GlobalVar g : tu.globals()) {
            if (g.init() != null) {
                forEachInitExpr(g.init(), e -> functionsNamed(e, used));
            }
        }
        for (boolean grew = true; grew; ) {
            grew = false;
            for (FunctionDef f : tu.functions()) {
                if (isCleanupHelper(f) && !out.containsKey(f) && used.contains(f.name())) {
                    IrFunction ir = new FunctionCompiler(f, strings).compile();
                    out.put(f, ir);
                    ir.relocs.forEach(r -> used.add(r.symbol()));
                    grew = true;
                }
            }
        }
        return out;
    }

    /** The functions a static initialiser's expression names (&f, (T)f, f). */
    private static void functionsNamed(Expr e, java.util.Set<String> out) {
        if (e instanceof Expr.FuncRef f) {
            out.add(f.name());
        } else if (e instanceof Expr.Unary u) {
            functionsNamed(u.operand(), out);
        } else if (e instanceof Expr.Cast c) {
            functionsNamed(c.operand(), out);
        }
    }

    static void forEachInitExpr(Initializer init, java.util.function.Consumer<Expr> f) {
        if (init instanceof Initializer.Scalar s) {
            f.accept(s.value());
        } else {
            for (Initializer.Item it : ((Initializer.Aggregate) init).items()) {
                f.accept(it.value());
            }
        }
    }

    private static void collectStrings(Expr e, StringPool strings) {
        if (e instanceof Expr.StrLit s) {
            strings.symbol(s.bytes());
        } else if (e instanceof Expr.Cast c) {
            collectStrings(c.operand(), strings);
        } else if (e instanceof Expr.Unary u) {
            collectStrings(u.operand(), strings);
        } else if (e instanceof Expr.Binary b) {
            collectStrings(b.left(), strings);
            collectStrings(b.right(), strings);
        } else if (e instanceof Expr.Member m) {
            collectStrings(m.base(), strings);
        } else if (e instanceof Expr.Conditional c) {
            collectStrings(c.cond(), strings);
            collectStrings(c.then(), strings);
            collectStrings(c.otherwise(), strings);
        }
    }
}
