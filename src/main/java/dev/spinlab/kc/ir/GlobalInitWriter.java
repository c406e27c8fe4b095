package dev.spinlab.kc.ir;

import dev.spinlab.kc.ast.Expr;
import dev.spinlab.kc.ast.Initializer;
import dev.spinlab.kc.ast.UnOp;
import dev.spinlab.kc.diag.CompileError;
import dev.spinlab.kc.lex.SrcLoc;
import dev.spinlab.kc.type.ArrayType;
import dev.spinlab.kc.type.CType;
import dev.spinlab.kc.type.StructType;
import dev.spinlab.machine.Memory;
import java.util.function.BiFunction;

/**
 * Writes a global's initialiser into memory at load time, evaluating its constant
 * expressions: integers, addresses of globals, functions and string literals, and address
 * plus or minus a constant (C11 6.6's address constants).
 */
final class GlobalInitWriter {
    private final Memory mem;
    private final StringPool strings;
    private final BiFunction<String, SrcLoc, Long> resolve;

    GlobalInitWriter(Memory mem, StringPool strings, BiFunction<String, SrcLoc, Long> resolve) {
        this.mem = mem;
        this.strings = strings;
        this.resolve = resolve;
    }

    void write(long base, CType type, Initializer init) {
        if (init instanceof Initializer.Scalar s) {
            writeValue(base, type, s.value());
            return;
        }
        for (Initializer.Item it : ((Initializer.Aggregate) init).items()) {
            if (it.isBitField()) {
                writeBits(base + it.offset(), (int) it.type().size(), it.bitOffset(), it.bitWidth(), eval(it.value()));
            } else {
                writeValue(base + it.offset(), it.type(), it.value());
            }
        }
    }

    /** A bit-field's bits merged into its little-endian storage unit. */
    private void writeBits(long addr, int size, int shift, int width, long v) {
        long unit = 0;
        for (int i = 0; i < size; i++) {
            unit |= (mem.rawByte(addr + i) & 0xffL) << (8 * i);
        }
        long mask = (width == 64 ? -1L : (1L << width) - 1) << shift;
        unit = (unit & ~mask) | ((v << shift) & mask);
        for (int i = 0; i < size; i++) {
            mem.rawPut(addr + i, (byte) (unit >>> (8 * i)));
        }
    }

    private void writeValue(long addr, CType type, Expr e) {
        if (type instanceof ArrayType || type instanceof StructType) {
            if (e instanceof Expr.StrLit s && type instanceof ArrayType) {
                byte[] b = s.bytes();
                long n = Math.min(b.length, type.size());
                for (int i = 0; i < n; i++) {
                    mem.rawPut(addr + i, b[i]);
                }
                return;
            }
            throw new CompileError(e.loc(), "initializer element is not constant");
        }
        long v = eval(e);
        int size = (int) type.size();
        for (int i = 0; i < size; i++) {
            mem.rawPut(addr + i, (byte) (v >>> (8 * i)));
        }
    }

    /** The value of a constant expression (addresses resolved). */
    private long eval(Expr e) {
        if (e instanceof Expr.IntLit lit) {
            return lit.value();
        }
        if (e instanceof Expr.Cast c) {
            long v = eval(c.operand());
            return c.type().isScalar() ? CSemantics.ext(v, CSemantics.extKind(c.type())) : v;
        }
        if (e instanceof Expr.FuncRef f) {
            return resolve.apply(f.name(), f.loc());
        }
        if (e.type() instanceof ArrayType) {
            return address(e);
        }
        if (e instanceof Expr.Unary u) {
            switch (u.op()) {
                case ADDR: return address(u.operand());
                case NEG: return CSemantics.ext(-eval(u.operand()), CSemantics.extKind(u.type()));
                case BITNOT: return CSemantics.ext(~eval(u.operand()), CSemantics.extKind(u.type()));
                case LOGNOT: return eval(u.operand()) == 0 ? 1 : 0;
                default: break;
            }
        }
        if (e instanceof Expr.Binary b) {
            long x = eval(b.left());
            if (b.op() == dev.spinlab.kc.ast.BinOp.LOGAND) {
                return x != 0 && eval(b.right()) != 0 ? 1 : 0;
            }
            if (b.op() == dev.spinlab.kc.ast.BinOp.LOGOR) {
                return x != 0 || eval(b.right()) != 0 ? 1 : 0;
            }
            long y = eval(b.right());
            CType opType = b.op().isComparison() || b.op() == dev.spinlab.kc.ast.BinOp.SHL
                    || b.op() == dev.spinlab.kc.ast.BinOp.SHR ? b.left().type() : b.type();
            int op = FunctionCompiler.irOp(b.op(), opType);
            if ((op == Op.DIVS || op == Op.DIVU || op == Op.REMS || op == Op.REMU) && y == 0) {
                throw new CompileError(b.loc(), "division by zero in constant expression");
            }
            boolean swap = b.op() == dev.spinlab.kc.ast.BinOp.GT || b.op() == dev.spinlab.kc.ast.BinOp.GE;
            long r = swap ? CSemantics.binary(op, y, x) : CSemantics.binary(op, x, y);
            return b.op().isComparison() ? r : CSemantics.ext(r, CSemantics.extKind(b.type()));
        }
        if (e instanceof Expr.Conditional c) {
            return eval(c.cond()) != 0 ? eval(c.then()) : eval(c.otherwise());
        }
        throw new CompileError(e.loc(), "initializer element is not constant");
    }

    /** The address of an lvalue made of globals, string literals, members and constant indexing. */
    private long address(Expr e) {
        if (e instanceof Expr.GlobalRef g) {
            return resolve.apply(g.name(), g.loc());
        }
        if (e instanceof Expr.FuncRef f) {
            return resolve.apply(f.name(), f.loc());
        }
        if (e instanceof Expr.StrLit s) {
            return resolve.apply(strings.symbol(s.bytes()), s.loc());
        }
        if (e instanceof Expr.Member m) {
            return address(m.base()) + m.field().offset();
        }
        if (e instanceof Expr.Unary u && u.op() == UnOp.DEREF) {
            return eval(u.operand());
        }
        if (e instanceof Expr.Cast c) {
            return address(c.operand());
        }
        throw new CompileError(e.loc(), "initializer element is not constant");
    }
}
