package dev.spinlab.kc.ir;

import dev.spinlab.kc.ast.BinOp;
import dev.spinlab.kc.ast.Expr;
import dev.spinlab.kc.ast.FunctionDef;
import dev.spinlab.kc.ast.Initializer;
import dev.spinlab.kc.ast.LocalVar;
import dev.spinlab.kc.ast.Stmt;
import dev.spinlab.kc.ast.UnOp;
import dev.spinlab.kc.diag.CompileError;
import dev.spinlab.kc.lex.SrcLoc;
import dev.spinlab.kc.type.ArrayType;
import dev.spinlab.kc.type.CType;
import dev.spinlab.kc.type.FunctionType;
import dev.spinlab.kc.type.IntType;
import dev.spinlab.kc.type.StructType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/*
 * Implementation notes.
 *
 * Compiles one typed function to register IR. Scalar locals whose address is never taken
 * live in registers; everything else (arrays, structs, address-taken scalars) lives in the
 * frame, in simulated stack memory, so pointers to it behave as in C. Temporaries are
 * allocated above the locals' registers and released at every statement boundary.
 *
 * Struct- and array-typed expressions evaluate to their address; function designators to the
 * function's address (a relocation the linker fills in). Every value of a narrow integer type
 * is renormalised after an operation that may leave its width (see CSemantics), so registers
 * always hold exactly the C value.
 */
public final class FunctionCompiler {
    private final FunctionDef fn;
    private final StringPool strings;
    private final CodeBuffer buf = new CodeBuffer();
    private final Map<LocalVar, Integer> regOf = new IdentityHashMap<>();
    private final Map<LocalVar, Integer> slotOf = new IdentityHashMap<>();
    private final Set<LocalVar> addressTaken;
    private final Map<String, Integer> gotoLabels = new HashMap<>();
    private final Deque<Integer> breakLabels = new ArrayDeque<>();
    private final Deque<Integer> continueLabels = new ArrayDeque<>();
    private final Map<Stmt, Integer> caseLabels = new IdentityHashMap<>();
    /*
     * gcc's __attribute__((cleanup(f))): the declarations in scope at this point of the walk
     * that carry a cleanup call, outermost first. Every way out of a scope runs the calls of
     * what it leaves, innermost first: the end of a block (and of a for statement's clause-1
     * scope, and of a statement expression after its value), break and continue (down to the
     * depth their loop or switch started at), return (all, after the value is computed) and
     * goto (through a trampoline placed after the body, once the label's scope is known).
     * A jump into such a scope is accepted as gcc's C front end accepts it (it warns only
     * under -Wjump-misses-init): the call still runs when that scope is left.
     */
    private final List<Stmt.LocalDecl> cleanups = new ArrayList<>();
    private final Deque<Integer> breakDepths = new ArrayDeque<>();
    private final Deque<Integer> continueDepths = new ArrayDeque<>();
    private final Map<String, List<Stmt.LocalDecl>> labelCleanups = new HashMap<>();
    private final List<CleanupGoto> cleanupGotos = new ArrayList<>();

    /** A goto leaving cleanup scopes: jumps to {@code trampoline}, which runs them and goes on to the label. */
    private record CleanupGoto(List<Stmt.LocalDecl> from, String label, int trampoline, SrcLoc loc) {}
    private int frameSize;
    private int nextReg;
    private int watermark;
    private int maxReg;
    private SrcLoc loc;

    public FunctionCompiler(FunctionDef fn, StringPool strings) {
        this.fn = fn;
        this.strings = strings;
        this.addressTaken = AddressTakenScan.scan(fn.body());
        this.loc = fn.loc();
    }

    public IrFunction compile() {
        List<LocalVar> params = fn.params();
        // A struct-returning function gets the address to return into as a hidden first argument.
        int first = returnsStruct(fn.type()) ? 1 : 0;
        int nparams = params.size() + first;
        nextReg = nparams;
        watermark = nextReg;
        maxReg = nextReg;
        if (fn.varargs() != null) {
            // The call left the variadic arguments in the registers after the named ones (those
            // not passed are zero): save them first, before any temporary reuses the registers.
            LocalVar area = fn.varargs();
            int slot = allocSlot(area.type());
            slotOf.put(area, slot);
            for (int i = 0; i < FunctionDef.MAX_VARARGS; i++) {
                buf.emit(loc, Op.STOREL, 0, nparams + i, slot + 8 * i, 8);
            }
            maxReg = nparams + FunctionDef.MAX_VARARGS;
        }
        for (int i = 0; i < params.size(); i++) {
            LocalVar p = params.get(i);
            int reg = first + i;
            if (p.type() instanceof StructType) {
                // a struct argument arrives as the address of the caller's value: copy it in
                int slot = allocSlot(p.type());
                slotOf.put(p, slot);
                int a = temp();
                buf.emit(loc, Op.LEA, a, 0, slot, 0);
                buf.emit(loc, Op.MEMCPY, a, reg, (int) p.type().size(), 0);
            } else if (needsMemory(p)) {
                int slot = allocSlot(p.type());
                slotOf.put(p, slot);
                buf.emit(loc, Op.STOREL, 0, reg, slot, (int) p.type().size());
            } else {
                regOf.put(p, reg);
            }
        }
        nextReg = watermark;
        genBlock(fn.body());
        // Falling off the end: main returns 0 (C11 5.1.2.2.3); other functions return an
        // indeterminate value, which the model makes 0 for determinism.
        loc = fn.body().endLoc() != null ? fn.body().endLoc() : fn.loc();
        int z = temp();
        buf.emit(loc, Op.CONST, z, buf.constant(0), 0, 0);
        buf.emit(loc, Op.RET, fn.type().returnType().isVoid() ? -1 : returnsStruct(fn.type()) ? 0 : z, 0, 0, 0);
        placeCleanupTrampolines();
        for (Map.Entry<String, Integer> e : gotoLabels.entrySet()) {
            if (!buf.isPlaced(e.getValue())) {
                throw new CompileError(fn.loc(), "label '" + e.getKey() + "' used but not defined");
            }
        }
        return buf.finish(fn.name(), fn.loc().file(), fn.loc(), Math.max(maxReg, 1), nparams,
                (int) StructType.alignUp(frameSize, 16));
    }

    /** Structs and unions are returned through a hidden pointer argument (the ABIs' "sret"). */
    static boolean returnsStruct(FunctionType ft) {
        return ft.returnType() instanceof StructType;
    }

    // ---------------------------------------------------------------- storage

    private boolean needsMemory(LocalVar v) {
        return !v.type().isScalar() || addressTaken.contains(v);
    }

    private int allocSlot(CType t) {
        long size = Math.max(t.size(), 1);
        frameSize = (int) StructType.alignUp(frameSize, Math.max(t.align(), 1));
        int off = frameSize;
        frameSize += (int) size;
        if (frameSize > (1 << 20)) {
            throw new CompileError(loc, "frame of '" + fn.name() + "' larger than 1 MiB");
        }
        return off;
    }

    private int temp() {
        int r = nextReg++;
        if (nextReg > maxReg) {
            maxReg = nextReg;
        }
        return r;
    }

    private void declare(LocalVar v) {
        if (needsMemory(v)) {
            slotOf.put(v, allocSlot(v.type()));
        } else {
            int r = nextReg++;
            regOf.put(v, r);
            watermark = nextReg;
            if (nextReg > maxReg) {
                maxReg = nextReg;
            }
        }
    }

    private int constReg(long v) {
        int r = temp();
        buf.emit(loc, Op.CONST, r, buf.constant(v), 0, 0);
        return r;
    }

    private int symbolReg(String symbol, long addend) {
        int r = temp();
        buf.emit(loc, Op.CONST, r, buf.symbolConstant(symbol, addend, loc), 0, 0);
        return r;
    }

    private void jump(int op, int reg, int label) {
        if (op == Op.JMP) {
            int at = buf.emit(loc, Op.JMP, 0, 0, 0, 0);
            buf.fixup(at, 1, label);
        } else {
            int at = buf.emit(loc, op, reg, 0, 0, 0);
            buf.fixup(at, 2, label);
        }
    }

    // ---------------------------------------------------------------- statements

    private void genBlock(Stmt.Block b) {
        int depth = cleanups.size();
        for (Stmt s : b.body()) {
            genStmt(s);
        }
        if (cleanups.size() > depth) {
            SrcLoc saved = loc;
            loc = b.endLoc() != null ? b.endLoc() : loc;
            leaveCleanupScope(depth);
            loc = saved;
        }
    }

    // ---------------------------------------------------------------- cleanup attribute

    /** Runs, innermost first, the cleanup calls of {@code chain} above {@code depth}; they stay in scope. */
    private void runCleanups(List<Stmt.LocalDecl> chain, int depth) {
        for (int i = chain.size() - 1; i >= depth; i--) {
            int saved = nextReg; // a live value (a return value) sits below: the calls only add temps
            genDiscard(chain.get(i).cleanup());
            nextReg = saved;
        }
    }

    /** The end of a scope reached by falling through: its cleanup calls run and leave the walk's scope. */
    private void leaveCleanupScope(int depth) {
        runCleanups(cleanups, depth);
        cleanups.subList(depth, cleanups.size()).clear();
    }

    /**
     * The trampolines of gotos that leave cleanup scopes, after the function's code: each runs
     * the calls of the scopes the goto leaves (those not enclosing the label) and jumps on.
     */
    private void placeCleanupTrampolines() {
        for (CleanupGoto g : cleanupGotos) {
            List<Stmt.LocalDecl> to = labelCleanups.get(g.label());
            if (to == null) {
                continue; // label never defined: reported below
            }
            int common = 0;
            while (common < g.from().size() && common < to.size() && g.from().get(common) == to.get(common)) {
                common++;
            }
            loc = g.loc();
            nextReg = watermark;
            buf.place(g.trampoline());
            runCleanups(g.from(), common);
            jump(Op.JMP, 0, gotoLabels.get(g.label()));
        }
    }

    /** Depth of this walk (issue 18: "nesting too deep", not a Java stack overflow). */
    private final dev.spinlab.kc.diag.Nesting nesting = new dev.spinlab.kc.diag.Nesting();

    private void genStmt(Stmt s) {
        nextReg = watermark;
        SrcLoc saved = loc;
        loc = s.loc();
        nesting.enter(loc);
        try {
            genStmtInner(s);
        } finally {
            nesting.exit();
            loc = saved;
            nextReg = watermark;
        }
    }

    private void genStmtInner(Stmt s) {
        if (s instanceof Stmt.ExprStmt es) {
            genDiscard(es.expr());
        } else if (s instanceof Stmt.DeclStmt ds) {
            for (Stmt.LocalDecl d : ds.decls()) {
                genLocalDecl(d);
                nextReg = watermark;
                if (d.cleanup() != null) {
                    cleanups.add(d);
                }
            }
        } else if (s instanceof Stmt.Block b) {
            genBlock(b);
        } else if (s instanceof Stmt.If st) {
            int elseL = buf.newLabel();
            int endL = buf.newLabel();
            condJump(st.cond(), false, st.otherwise() != null ? elseL : endL);
            genStmt(st.then());
            if (st.otherwise() != null) {
                jump(Op.JMP, 0, endL);
                buf.place(elseL);
                genStmt(st.otherwise());
            }
            buf.place(endL);
        } else if (s instanceof Stmt.While w) {
            int top = buf.newLabel();
            int end = buf.newLabel();
            buf.place(top);
            condJump(w.cond(), false, end);
            loop(w.body(), end, top);
            jump(Op.JMP, 0, top);
            buf.place(end);
        } else if (s instanceof Stmt.DoWhile dw) {
            int top = buf.newLabel();
            int cont = buf.newLabel();
            int end = buf.newLabel();
            buf.place(top);
            loop(dw.body(), end, cont);
            buf.place(cont);
            nextReg = watermark;
            condJump(dw.cond(), true, top);
            buf.place(end);
        } else if (s instanceof Stmt.For f) {
            int depth = cleanups.size();
            if (f.init() != null) {
                genStmt(f.init());
            }
            int top = buf.newLabel();
            int cont = buf.newLabel();
            int end = buf.newLabel();
            buf.place(top);
            if (f.cond() != null) {
                nextReg = watermark;
                condJump(f.cond(), false, end);
            }
            loop(f.body(), end, cont);
            buf.place(cont);
            if (f.step() != null) {
                nextReg = watermark;
                genDiscard(f.step());
            }
            jump(Op.JMP, 0, top);
            buf.place(end);
            if (cleanups.size() > depth) {
                leaveCleanupScope(depth); // clause-1's declarations go out of scope (scoped_guard)
            }
        } else if (s instanceof Stmt.Switch sw) {
            genSwitch(sw);
        } else if (s instanceof Stmt.Case c) {
            buf.place(caseLabel(c));
            genStmt(c.body());
        } else if (s instanceof Stmt.Default d) {
            buf.place(caseLabel(d));
            genStmt(d.body());
        } else if (s instanceof Stmt.Break) {
            if (breakLabels.isEmpty()) {
                throw new CompileError(s.loc(), "break statement not within loop or switch");
            }
            runCleanups(cleanups, breakDepths.peek());
            jump(Op.JMP, 0, breakLabels.peek());
        } else if (s instanceof Stmt.Continue) {
            if (continueLabels.isEmpty()) {
                throw new CompileError(s.loc(), "continue statement not within a loop");
            }
            runCleanups(cleanups, continueDepths.peek());
            jump(Op.JMP, 0, continueLabels.peek());
        } else if (s instanceof Stmt.Return r) {
            // the value is computed first, then every cleanup call in scope runs (gcc)
            if (r.value() == null) {
                int z = fn.type().returnType().isVoid() ? -1 : returnsStruct(fn.type()) ? 0 : constReg(0);
                runCleanups(cleanups, 0);
                buf.emit(loc, Op.RET, z, 0, 0, 0);
            } else if (r.value().type().isVoid()) {
                genDiscard(r.value());
                runCleanups(cleanups, 0);
                buf.emit(loc, Op.RET, -1, 0, 0, 0);
            } else {
                if (r.value().type() instanceof StructType st) {
                    // copy into the caller's object (register 0 holds its address) and return that address
                    int src = gen(r.value());
                    buf.emit(loc, Op.MEMCPY, 0, src, (int) st.size(), 0);
                    runCleanups(cleanups, 0);
                    buf.emit(loc, Op.RET, 0, 0, 0, 0);
                    return;
                }
                int v = gen(r.value());
                runCleanups(cleanups, 0);
                buf.emit(loc, Op.RET, v, 0, 0, 0);
            }
        } else if (s instanceof Stmt.Goto g) {
            int label = gotoLabels.computeIfAbsent(g.label(), k -> buf.newLabel());
            if (cleanups.isEmpty()) {
                jump(Op.JMP, 0, label);
            } else {
                int trampoline = buf.newLabel();
                cleanupGotos.add(new CleanupGoto(List.copyOf(cleanups), g.label(), trampoline, loc));
                jump(Op.JMP, 0, trampoline);
            }
        } else if (s instanceof Stmt.Labeled l) {
            int label = gotoLabels.computeIfAbsent(l.label(), k -> buf.newLabel());
            if (buf.isPlaced(label)) {
                throw new CompileError(l.loc(), "duplicate label '" + l.label() + "'");
            }
            labelCleanups.put(l.label(), List.copyOf(cleanups));
            buf.place(label);
            genStmt(l.body());
        } else if (s instanceof Stmt.Empty) {
            // nothing
        } else {
            throw new IllegalStateException("unknown statement " + s);
        }
    }

    private void loop(Stmt body, int breakL, int continueL) {
        breakLabels.push(breakL);
        continueLabels.push(continueL);
        breakDepths.push(cleanups.size());
        continueDepths.push(cleanups.size());
        genStmt(body);
        continueDepths.pop();
        breakDepths.pop();
        continueLabels.pop();
        breakLabels.pop();
    }

    private int caseLabel(Stmt s) {
        return caseLabels.computeIfAbsent(s, k -> buf.newLabel());
    }

    private void genSwitch(Stmt.Switch sw) {
        List<Stmt> cases = new ArrayList<>();
        collectCases(sw.body(), cases);
        int v = gen(sw.cond());
        int end = buf.newLabel();
        Stmt dflt = null;
        for (Stmt c : cases) {
            if (c instanceof Stmt.Case cs) {
                int k = constReg(cs.value());
                int t = temp();
                buf.emit(loc, Op.EQ, t, v, k, 0);
                jump(Op.JNZ, t, caseLabel(c));
            } else {
                dflt = c;
            }
        }
        jump(Op.JMP, 0, dflt != null ? caseLabel(dflt) : end);
        breakLabels.push(end);
        breakDepths.push(cleanups.size());
        genStmt(sw.body());
        breakDepths.pop();
        breakLabels.pop();
        buf.place(end);
    }

    /** Case and default labels of one switch, not descending into nested switches. */
    private static void collectCases(Stmt s, List<Stmt> out) {
        if (s == null) {
            return;
        }
        if (s instanceof Stmt.Case c) {
            out.add(c);
            collectCases(c.body(), out);
        } else if (s instanceof Stmt.Default d) {
            out.add(d);
            collectCases(d.body(), out);
        } else if (s instanceof Stmt.Block b) {
            for (Stmt t : b.body()) {
                collectCases(t, out);
            }
        } else if (s instanceof Stmt.If i) {
            collectCases(i.then(), out);
            collectCases(i.otherwise(), out);
        } else if (s instanceof Stmt.While w) {
            collectCases(w.body(), out);
        } else if (s instanceof Stmt.DoWhile d) {
            collectCases(d.body(), out);
        } else if (s instanceof Stmt.For f) {
            collectCases(f.body(), out);
        } else if (s instanceof Stmt.Labeled l) {
            collectCases(l.body(), out);
        }
    }

    private void genLocalDecl(Stmt.LocalDecl d) {
        LocalVar v = d.var();
        declare(v);
        Initializer init = d.init();
        if (init == null) {
            if (regOf.containsKey(v)) {
                // Indeterminate in C; zero in the model so that runs and states are deterministic.
                buf.emit(loc, Op.CONST, regOf.get(v), buf.constant(0), 0, 0);
            } else {
                int a = temp();
                buf.emit(loc, Op.LEA, a, 0, slotOf.get(v), 0);
                buf.emit(loc, Op.MEMZERO, a, 0, (int) v.type().size(), 0);
            }
            return;
        }
        if (init instanceof Initializer.Scalar sc) {
            SrcLoc saved = loc;
            loc = sc.value().loc();
            if (regOf.containsKey(v)) {
                int r = gen(sc.value());
                buf.emit(loc, Op.MOV, regOf.get(v), r, 0, 0);
            } else if (v.type() instanceof StructType || v.type() instanceof ArrayType) {
                int src = gen(sc.value());
                int a = temp();
                buf.emit(loc, Op.LEA, a, 0, slotOf.get(v), 0);
                buf.emit(loc, Op.MEMCPY, a, src, (int) v.type().size(), 0);
            } else {
                int r = gen(sc.value());
                buf.emit(loc, Op.STOREL, 0, r, slotOf.get(v), (int) v.type().size());
            }
            loc = saved;
            return;
        }
        Initializer.Aggregate ag = (Initializer.Aggregate) init;
        int slot = slotOf.get(v);
        int a = temp();
        buf.emit(loc, Op.LEA, a, 0, slot, 0);
        buf.emit(loc, Op.MEMZERO, a, 0, (int) v.type().size(), 0);
        for (Initializer.Item it : ag.items()) {
            int mark = nextReg;
            SrcLoc saved = loc;
            loc = it.value().loc();
            if (it.type() instanceof StructType || it.type() instanceof ArrayType) {
                int src = gen(it.value());
                int dst = temp();
                buf.emit(loc, Op.LEA, dst, 0, slot + (int) it.offset(), 0);
                buf.emit(loc, Op.MEMCPY, dst, src, (int) it.type().size(), 0);
            } else if (it.isBitField()) {
                int r = gen(it.value());
                store(new BitPlace(new FramePlace(slot + (int) it.offset()), (int) it.type().size(), it.bitOffset(),
                        it.bitWidth(), CSemantics.isSigned(it.type())), r, it.type());
            } else {
                int r = gen(it.value());
                buf.emit(loc, Op.STOREL, 0, r, slot + (int) it.offset(), (int) it.type().size());
            }
            loc = saved;
            nextReg = mark;
        }
    }

    /** Jumps to label when cond's truth equals {@code when}. */
    private void condJump(Expr cond, boolean when, int label) {
        if (cond instanceof Expr.Binary b && (b.op() == BinOp.LOGAND || b.op() == BinOp.LOGOR)) {
            boolean isAnd = b.op() == BinOp.LOGAND;
            if (isAnd != when) {
                // (a && b) false -> a false or b false ; (a || b) true -> a true or b true
                condJump(b.left(), when, label);
                condJump(b.right(), when, label);
            } else {
                int skip = buf.newLabel();
                condJump(b.left(), !when, skip);
                condJump(b.right(), when, label);
                buf.place(skip);
            }
            return;
        }
        if (cond instanceof Expr.Unary u && u.op() == UnOp.LOGNOT) {
            condJump(u.operand(), !when, label);
            return;
        }
        int r = gen(cond);
        jump(when ? Op.JNZ : Op.JZ, r, label);
    }

    // ---------------------------------------------------------------- lvalues

    /** Where an lvalue lives: a register, a frame slot, or memory at reg + offset. */
    private sealed interface Place permits RegPlace, FramePlace, MemPlace, BitPlace {}

    /**
     * A bit-field: {@code width} bits at bit {@code shift} of the storage unit at {@code unit}
     * (a frame or memory place of {@code unitSize} bytes); {@code signed} from the declared type.
     */
    private record BitPlace(Place unit, int unitSize, int shift, int width, boolean signed) implements Place {}

    private record RegPlace(int reg) implements Place {}

    private record FramePlace(int offset) implements Place {}

    /** Memory at addrReg + offset; marked: accessed as READ_ONCE/WRITE_ONCE do (Expr.Once). */
    private record MemPlace(int addrReg, int offset, boolean marked) implements Place {
        MemPlace(int addrReg, int offset) {
            this(addrReg, offset, false);
        }
    }

    private Place place(Expr e) {
        SrcLoc saved = loc;
        loc = e.loc();
        try {
            if (e instanceof Expr.LocalRef lr) {
                Integer r = regOf.get(lr.var());
                if (r != null) {
                    return new RegPlace(r);
                }
                Integer slot = slotOf.get(lr.var());
                if (slot == null) {
                    throw new CompileError(e.loc(), "'" + lr.var().name() + "' used before its declaration");
                }
                return new FramePlace(slot);
            }
            if (e instanceof Expr.GlobalRef g) {
                return new MemPlace(symbolReg(g.name(), 0), 0);
            }
            if (e instanceof Expr.StrLit s) {
                return new MemPlace(symbolReg(strings.symbol(s.bytes()), 0), 0);
            }
            if (e instanceof Expr.Unary u && u.op() == UnOp.DEREF) {
                return new MemPlace(gen(u.operand()), 0);
            }
            if (e instanceof Expr.Once o) {
                Place p = place(o.lvalue());
                return p instanceof MemPlace mp ? new MemPlace(mp.addrReg(), mp.offset(), true) : p;
            }
            if (e instanceof Expr.CompoundLit cl) {
                // (T){...}: the unnamed object is (re)initialised each time it is evaluated
                int savedWatermark = watermark;
                watermark = nextReg;
                try {
                    genLocalDecl(new Stmt.LocalDecl(cl.var(), cl.init()));
                } finally {
                    watermark = savedWatermark;
                }
                Integer r = regOf.get(cl.var());
                return r != null ? new RegPlace(r) : new FramePlace(slotOf.get(cl.var()));
            }
            if (e instanceof Expr.Member m) {
                Place base = place(m.base());
                long off = m.field().offset();
                Place p;
                if (base instanceof FramePlace fp) {
                    p = new FramePlace(fp.offset() + (int) off);
                } else if (base instanceof MemPlace mp) {
                    p = new MemPlace(mp.addrReg(), mp.offset() + (int) off, mp.marked());
                } else {
                    throw new IllegalStateException("struct in a register");
                }
                if (m.field().isBitField()) {
                    return new BitPlace(p, (int) m.type().size(), m.field().bitOffset(), m.field().bitWidth(),
                            CSemantics.isSigned(m.type()));
                }
                return p;
            }
            if (e.type() instanceof StructType || e.type() instanceof ArrayType) {
                return new MemPlace(gen(e), 0);
            }
            throw new CompileError(e.loc(), "lvalue required");
        } finally {
            loc = saved;
        }
    }

    private int load(Place p, CType t) {
        if (p instanceof RegPlace rp) {
            return rp.reg();
        }
        if (p instanceof BitPlace bp) {
            // the unit, shifted so the field's top bit is bit 63, then shifted back down
            int unit = load(bp.unit(), unsignedOfSize(bp.unitSize()));
            int up = temp();
            buf.emit(loc, Op.SHL, up, unit, constReg(64 - bp.shift() - bp.width()), 0);
            return extractTop(up, bp);
        }
        int r = temp();
        if (p instanceof FramePlace fp) {
            buf.emit(loc, Op.LOADL, r, 0, fp.offset(), CSemantics.loadKind(t));
        } else {
            MemPlace mp = (MemPlace) p;
            buf.emit(loc, Op.LOAD, r, mp.addrReg(), mp.offset(), CSemantics.loadKind(t) | (mp.marked() ? Op.MARKED : 0));
        }
        return r;
    }

    private static IntType unsignedOfSize(int size) {
        switch (size) {
            case 1: return IntType.UCHAR;
            case 2: return IntType.USHORT;
            case 4: return IntType.UINT;
            default: return IntType.ULONG;
        }
    }

    /** The field's value from a register holding its bits at the top (bit 63 down). */
    private int extractTop(int up, BitPlace bp) {
        int r = temp();
        buf.emit(loc, bp.signed() ? Op.SHRS : Op.SHRU, r, up, constReg(64 - bp.width()), 0);
        return r;
    }

    /**
     * Stores a value; returns the register holding the value as stored (for a bit-field, the
     * value truncated to the field's width, which is also the assignment expression's value).
     */
    private int store(Place p, int value, CType t) {
        if (p instanceof BitPlace bp) {
            long mask = (bp.width() == 64 ? -1L : (1L << bp.width()) - 1) << bp.shift();
            int old = load(bp.unit(), unsignedOfSize(bp.unitSize()));
            int kept = temp();
            buf.emit(loc, Op.AND, kept, old, constReg(~mask), 0);
            int moved = temp();
            buf.emit(loc, Op.SHL, moved, value, constReg(bp.shift()), 0);
            buf.emit(loc, Op.AND, moved, moved, constReg(mask), 0);
            int merged = temp();
            buf.emit(loc, Op.OR, merged, kept, moved, 0);
            int unitValue = normalise(merged, unsignedOfSize(bp.unitSize()));
            store(bp.unit(), unitValue, unsignedOfSize(bp.unitSize()));
            int up = temp();
            buf.emit(loc, Op.SHL, up, value, constReg(64 - bp.width()), 0);
            return extractTop(up, bp);
        }
        if (p instanceof RegPlace rp) {
            if (rp.reg() != value) {
                buf.emit(loc, Op.MOV, rp.reg(), value, 0, 0);
            }
            return rp.reg();
        } else if (p instanceof FramePlace fp) {
            buf.emit(loc, Op.STOREL, 0, value, fp.offset(), (int) t.size());
        } else {
            MemPlace mp = (MemPlace) p;
            buf.emit(loc, Op.STORE, mp.addrReg(), value, mp.offset(), (int) t.size() | (mp.marked() ? Op.MARKED : 0));
        }
        return value;
    }

    private int addressOf(Place p) {
        if (p instanceof FramePlace fp) {
            int r = temp();
            buf.emit(loc, Op.LEA, r, 0, fp.offset(), 0);
            return r;
        }
        if (p instanceof MemPlace mp) {
            if (mp.offset() == 0) {
                return mp.addrReg();
            }
            int r = temp();
            buf.emit(loc, Op.ADDI, r, mp.addrReg(), mp.offset(), 0);
            return r;
        }
        throw new IllegalStateException("address of a register variable");
    }

    private int addressOf(Expr e) {
        if (e instanceof Expr.FuncRef f) {
            return symbolReg(f.name(), 0);
        }
        if (e instanceof Expr.Comma c) {
            genDiscard(c.left());
            return addressOf(c.right());
        }
        if (e instanceof Expr.Assign a && a.type() instanceof StructType) {
            return gen(a);
        }
        if (e instanceof Expr.Conditional c && (c.type() instanceof StructType)) {
            return gen(c);
        }
        if (e instanceof Expr.Call || e instanceof Expr.StmtExpr) {
            return gen(e); // a struct value: the address of the object holding it
        }
        if (e instanceof Expr.Cast c) {
            return addressOf(c.operand());
        }
        return addressOf(place(e));
    }

    // ---------------------------------------------------------------- expressions

    private void genDiscard(Expr e) {
        if (e instanceof Expr.Cast c && c.type().isVoid()) {
            genDiscard(c.operand());
            return;
        }
        gen(e);
    }

    /** Evaluates e; returns the register holding its value (its address for arrays, structs, functions). */
    private int gen(Expr e) {
        SrcLoc saved = loc;
        loc = e.loc();
        nesting.enter(loc);
        try {
            return genInner(e);
        } finally {
            nesting.exit();
            loc = saved;
        }
    }

    private int genInner(Expr e) {
        CType t = e.type();
        if (t instanceof ArrayType || t instanceof FunctionType) {
            return addressOf(e);
        }
        if (e instanceof Expr.IntLit lit) {
            return constReg(lit.value());
        }
        if (e instanceof Expr.FloatLit) {
            // the typer folds every floating constant it accepts; one left is a run-time value
            throw CompileError.unsupported(e.loc(), "floating-point arithmetic at run time (a " + t.spelling()
                    + " value); the model has no FPU: only constant expressions gcc folds are accepted");
        }
        if (e instanceof Expr.LocalRef || e instanceof Expr.GlobalRef || e instanceof Expr.Member
                || e instanceof Expr.Once || (e instanceof Expr.Unary u0 && u0.op() == UnOp.DEREF)) {
            if (t instanceof StructType) {
                return addressOf(place(e));
            }
            if (t.isVoid()) {
                // *(void *)p as a statement: evaluate the pointer only
                if (e instanceof Expr.Unary u1) {
                    return gen(u1.operand());
                }
                return constReg(0);
            }
            return load(place(e), t);
        }
        if (e instanceof Expr.Unary u) {
            return genUnary(u);
        }
        if (e instanceof Expr.Binary b) {
            return genBinary(b);
        }
        if (e instanceof Expr.Assign a) {
            return genAssign(a);
        }
        if (e instanceof Expr.CompoundAssign ca) {
            return genCompound(ca);
        }
        if (e instanceof Expr.IncDec id) {
            return genIncDec(id);
        }
        if (e instanceof Expr.Conditional c) {
            int result = temp();
            int elseL = buf.newLabel();
            int endL = buf.newLabel();
            condJump(c.cond(), false, elseL);
            int a = gen(c.then());
            if (!t.isVoid()) {
                buf.emit(loc, Op.MOV, result, a, 0, 0);
            }
            jump(Op.JMP, 0, endL);
            buf.place(elseL);
            int b = gen(c.otherwise());
            if (!t.isVoid()) {
                buf.emit(loc, Op.MOV, result, b, 0, 0);
            }
            buf.place(endL);
            return result;
        }
        if (e instanceof Expr.Comma c) {
            genDiscard(c.left());
            return gen(c.right());
        }
        if (e instanceof Expr.Call call) {
            return genCall(call);
        }
        if (e instanceof Expr.StmtExpr se) {
            return genStmtExpr(se);
        }
        if (e instanceof Expr.CompoundLit cl) {
            Place p = place(cl);
            return t instanceof StructType ? addressOf(p) : load(p, t);
        }
        if (e instanceof Expr.Cast c) {
            return genCast(c);
        }
        if (e instanceof Expr.StrLit s) {
            return addressOf(e);
        }
        throw new IllegalStateException("unknown expression " + e);
    }

    /**
     * A statement expression: its statements run with the registers the enclosing expression
     * holds protected (the watermark is raised to them, as if they were locals), then the
     * result is evaluated; the result's register stays above the restored watermark's temps.
     */
    private int genStmtExpr(Expr.StmtExpr se) {
        int savedWatermark = watermark;
        watermark = nextReg;
        int depth = cleanups.size();
        try {
            for (Stmt s : se.body().body()) {
                genStmt(s);
            }
            int r = se.result() == null ? constReg(0) : gen(se.result());
            if (cleanups.size() > depth) {
                leaveCleanupScope(depth); // after the value, as gcc: the calls only add temps above r
            }
            return r;
        } finally {
            watermark = savedWatermark;
        }
    }

    private int genCast(Expr.Cast c) {
        CType to = c.type();
        CType from = c.operand().type();
        if (to.isVoid()) {
            gen(c.operand());
            return constReg(0);
        }
        if (to instanceof StructType) {
            return addressOf(c.operand());
        }
        int v = gen(c.operand());
        if (from instanceof StructType) {
            throw new CompileError(c.loc(), "conversion from struct type");
        }
        int kind = CSemantics.extKind(to);
        if (kind == CSemantics.EXT_NONE) {
            return v; // to 64-bit integer or pointer: normalised values already convert correctly
        }
        if (kind != CSemantics.EXT_BOOL && from instanceof IntType fi && fi.size() <= to.size()
                && (fi.signed() == CSemantics.isSigned(to) || (fi.size() < to.size() && !fi.signed()))) {
            return v; // widening that keeps the value: already normalised for the target
        }
        int r = temp();
        buf.emit(loc, Op.EXT, r, v, kind, 0);
        return r;
    }

    private int normalise(int reg, CType t) {
        int kind = CSemantics.extKind(t);
        if (kind == CSemantics.EXT_NONE) {
            return reg;
        }
        buf.emit(loc, Op.EXT, reg, reg, kind, 0);
        return reg;
    }

    private int genUnary(Expr.Unary u) {
        switch (u.op()) {
            case ADDR:
                return addressOf(u.operand());
            case NEG: {
                int v = gen(u.operand());
                int r = temp();
                buf.emit(loc, Op.NEG, r, v, 0, 0);
                return normalise(r, u.type());
            }
            case BITNOT: {
                int v = gen(u.operand());
                int r = temp();
                buf.emit(loc, Op.NOT, r, v, 0, 0);
                return normalise(r, u.type());
            }
            case LOGNOT: {
                int v = gen(u.operand());
                int r = temp();
                buf.emit(loc, Op.LNOT, r, v, 0, 0);
                return r;
            }
            default:
                throw new IllegalStateException("deref handled as lvalue");
        }
    }

    /** The IR op for a C operator on operands of type t (signedness from t). */
    static int irOp(BinOp op, CType t) {
        boolean signed = CSemantics.isSigned(t);
        switch (op) {
            case ADD: return Op.ADD;
            case SUB: return Op.SUB;
            case MUL: return Op.MUL;
            case DIV: return signed ? Op.DIVS : Op.DIVU;
            case MOD: return signed ? Op.REMS : Op.REMU;
            case SHL: return Op.SHL;
            case SHR: return signed ? Op.SHRS : Op.SHRU;
            case AND: return Op.AND;
            case OR: return Op.OR;
            case XOR: return Op.XOR;
            case EQ: return Op.EQ;
            case NE: return Op.NE;
            case LT: case GT: return signed ? Op.LTS : Op.LTU;
            case LE: case GE: return signed ? Op.LES : Op.LEU;
            default: throw new IllegalArgumentException(op.name());
        }
    }

    private int genBinary(Expr.Binary b) {
        if (b.op() == BinOp.LOGAND || b.op() == BinOp.LOGOR) {
            int r = temp();
            int falseL = buf.newLabel();
            int endL = buf.newLabel();
            condJump(b, false, falseL);
            buf.emit(loc, Op.CONST, r, buf.constant(1), 0, 0);
            jump(Op.JMP, 0, endL);
            buf.place(falseL);
            buf.emit(loc, Op.CONST, r, buf.constant(0), 0, 0);
            buf.place(endL);
            return r;
        }
        int x = gen(b.left());
        int y = gen(b.right());
        int r = temp();
        if (b.op().isComparison()) {
            CType operand = b.left().type();
            int op = irOp(b.op(), operand);
            boolean swap = b.op() == BinOp.GT || b.op() == BinOp.GE;
            buf.emit(loc, op, r, swap ? y : x, swap ? x : y, 0);
            return r;
        }
        CType opType = b.op() == BinOp.SHL || b.op() == BinOp.SHR ? b.left().type() : b.type();
        y = sanitize(b.op(), opType, b.right().type(), x, y, b.right());
        buf.emit(loc, irOp(b.op(), opType), r, x, y, opWidth(b.op(), opType));
        return normalise(r, b.type());
    }

    /*
     * The checks of gcc's -fsanitize=integer-divide-by-zero and -fsanitize=shift (shift
     * exponent), as the kernel's CONFIG_UBSAN_DIV_ZERO and CONFIG_UBSAN_SHIFT build with them:
     * before a division or remainder whose divisor is 0, or is -1 with the type's minimum as the
     * dividend, and before a shift whose count is negative or not below the width of the
     * promoted left operand, a call of __ubsan_handle_divrem_overflow(type, lhs, rhs) or
     * __ubsan_handle_shift_out_of_bounds(lhs type, rhs type, lhs, rhs). The callee is whatever
     * the image links under that name (the kernel's lib/ubsan.c, the user runtime's report), so
     * the compiler knows nothing of who reports. The call returns and the operation runs with
     * what the hardware does: x86's idiv traps on both divisions (the interpreter's fault), and
     * its shifts use the count modulo the operand's width (hence the AND after the check). As
     * the kernel builds with -fno-strict-overflow (-fwrapv), which turns off gcc's shift-base
     * checks, a left shift of a negative value or into the sign bit is not checked. A constant
     * divisor or count that cannot be bad costs no check.
     */
    private int sanitize(BinOp op, CType opType, CType rightType, int x, int y, Expr right) {
        boolean div = op == BinOp.DIV || op == BinOp.MOD;
        boolean shift = op == BinOp.SHL || op == BinOp.SHR;
        if ((!div && !shift) || !(opType instanceof IntType) || !(rightType instanceof IntType)) {
            return y;
        }
        int width = (int) opType.size() * 8;
        boolean signed = CSemantics.isSigned(opType);
        if (right instanceof Expr.IntLit lit) {
            long v = lit.value();
            boolean bad = div ? v == 0 || (signed && v == -1) : v < 0 || v >= width;
            if (!bad) {
                return y;
            }
        }
        int call = buf.newLabel();
        int skip = buf.newLabel();
        if (div) {
            int t = temp();
            buf.emit(loc, Op.EQ, t, y, constReg(0), 0);
            jump(Op.JNZ, t, call);
            if (signed) {
                buf.emit(loc, Op.EQ, t, y, constReg(-1), 0);
                jump(Op.JZ, t, skip);
                buf.emit(loc, Op.EQ, t, x, constReg(width == 32 ? Integer.MIN_VALUE : Long.MIN_VALUE), 0);
                jump(Op.JZ, t, skip);
            } else {
                jump(Op.JMP, 0, skip);
            }
        } else {
            int t = temp();
            buf.emit(loc, Op.LTU, t, constReg(width - 1), y, 0); // negative counts are huge unsigned
            jump(Op.JZ, t, skip);
        }
        buf.place(call);
        String handler = div ? "__ubsan_handle_divrem_overflow" : "__ubsan_handle_shift_out_of_bounds";
        int callee = symbolReg(handler, 0);
        int argc = div ? 3 : 4;
        int base = nextReg;
        for (int i = 0; i < argc; i++) {
            temp();
        }
        int i = 0;
        buf.emit(loc, Op.CONST, base + i++, buf.constant(ubsanType(opType)), 0, 0);
        if (shift) {
            buf.emit(loc, Op.CONST, base + i++, buf.constant(ubsanType(rightType)), 0, 0);
        }
        buf.emit(loc, Op.MOV, base + i++, x, 0, 0);
        buf.emit(loc, Op.MOV, base + i, y, 0, 0);
        buf.emit(loc, Op.CALL, -1, callee, base, argc);
        buf.place(skip);
        if (!shift) {
            return y;
        }
        int masked = temp();
        buf.emit(loc, Op.AND, masked, y, constReg(width - 1), 0);
        return masked;
    }

    /**
     * A type descriptor for the sanitizer's handlers, as gcc's type_info packs it: bit 0 signed,
     * bits 1-7 log2 of the width in bits; bits 8 up say which C type it is (0 int, 1 unsigned
     * int, 2 long, 3 unsigned long, 4 long long, 5 unsigned long long; narrower types are
     * promoted to int before they reach a division or shift).
     */
    static long ubsanType(CType t) {
        IntType it = (IntType) t;
        int bits = (int) it.size() * 8;
        int name = switch (it.kind()) {
            case UINT -> 1;
            case LONG -> 2;
            case ULONG -> 3;
            case LLONG -> 4;
            case ULLONG -> 5;
            default -> bits == 64 ? (it.signed() ? 2 : 3) : (it.signed() ? 0 : 1);
        };
        return (it.signed() ? 1 : 0) | (Integer.numberOfTrailingZeros(bits) << 1) | ((long) name << 8);
    }

    /** The d field of a division or remainder: the operand width in bytes (x86's idiv traps per width). */
    private static int opWidth(BinOp op, CType opType) {
        return (op == BinOp.DIV || op == BinOp.MOD) && opType instanceof IntType ? (int) opType.size() : 0;
    }

    private int genAssign(Expr.Assign a) {
        Place p = place(a.target());
        if (a.type() instanceof StructType) {
            int dst = addressOf(p);
            int src = gen(a.value());
            buf.emit(loc, Op.MEMCPY, dst, src, (int) a.type().size(), 0);
            return dst;
        }
        int v = gen(a.value());
        SrcLoc saved = loc;
        loc = a.target().loc(); // a faulting store is reported at its target, as sanitizers do
        int stored = store(p, v, a.type());
        loc = saved;
        return stored;
    }

    private int genCompound(Expr.CompoundAssign ca) {
        Place p = place(ca.target());
        int old = load(p, ca.type());
        int cur = convert(old, ca.type(), ca.opType());
        int v = gen(ca.value());
        int r = temp();
        CType opType = ca.op() == BinOp.SHL || ca.op() == BinOp.SHR ? ca.opType() : ca.opType();
        v = sanitize(ca.op(), opType, ca.value().type(), cur, v, ca.value());
        buf.emit(loc, irOp(ca.op(), opType), r, cur, v, opWidth(ca.op(), opType));
        normalise(r, ca.opType());
        int res = convert(r, ca.opType(), ca.type());
        return store(p, res, ca.type());
    }

    /** Converts a normalised value of type from to type to (integer/pointer scalars). */
    private int convert(int reg, CType from, CType to) {
        int kind = CSemantics.extKind(to);
        if (kind == CSemantics.EXT_NONE || from.equals(to)) {
            return reg;
        }
        int r = temp();
        buf.emit(loc, Op.EXT, r, reg, kind, 0);
        return r;
    }

    private int genIncDec(Expr.IncDec id) {
        Place p = place(id.target());
        int old = load(p, id.type());
        int saved = old;
        if (!id.prefix()) {
            saved = temp();
            buf.emit(loc, Op.MOV, saved, old, 0, 0);
        }
        int d = constReg(id.delta());
        int r = temp();
        buf.emit(loc, id.increment() ? Op.ADD : Op.SUB, r, old, d, 0);
        if (id.type() instanceof IntType it && it.kind() == IntType.Kind.BOOL) {
            // ++ on _Bool sets it to 1; -- toggles (C11 6.5.2.4 via compound assignment)
            buf.emit(loc, Op.EXT, r, r, CSemantics.EXT_BOOL, 0);
        } else {
            normalise(r, id.type());
        }
        int stored = store(p, r, id.type());
        return id.prefix() ? stored : saved;
    }

    /**
     * A call. Struct arguments are passed as the address of the value (the callee copies it on
     * entry); a struct result is written by the callee into a frame object of the caller whose
     * address goes first, and the call's value is that address.
     */
    private int genCall(Expr.Call call) {
        int callee = gen(call.callee());
        boolean sret = call.type() instanceof StructType;
        int first = sret ? 1 : 0;
        int argc = call.args().size() + first;
        int base = nextReg;
        for (int i = 0; i < argc; i++) {
            temp();
        }
        if (sret) {
            buf.emit(loc, Op.LEA, base, 0, allocSlot(call.type()), 0);
        }
        // The order is unspecified in C; gcc on x86-64 and arm64 evaluates arguments right to
        // left, so the model does too and programs print what they print when built with gcc.
        for (int i = call.args().size() - 1; i >= 0; i--) {
            int v = gen(call.args().get(i));
            buf.emit(loc, Op.MOV, base + first + i, v, 0, 0);
        }
        SrcLoc saved = loc;
        loc = call.loc();
        int dst = call.type().isVoid() ? -1 : temp();
        buf.emit(loc, Op.CALL, dst, callee, base, argc);
        if (dst >= 0 && !sret) {
            normalise(dst, call.type());
        }
        loc = saved;
        return dst >= 0 ? dst : constReg(0);
    }
}
