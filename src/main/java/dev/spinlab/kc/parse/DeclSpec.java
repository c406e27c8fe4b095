package dev.spinlab.kc.parse;

import dev.spinlab.kc.lex.SrcLoc;
import dev.spinlab.kc.type.CType;

/**
 * Parsed declaration specifiers (C11 6.7.1-6.7.4). {@code typeGiven} is false when no type
 * specifier appeared and {@code type} is the implicit int of C89 that gcc still accepts.
 * {@code constOnly} is true when {@code const} appeared without {@code volatile}: the only
 * qualifier the model keeps, for objects the linker places in read-only memory (.rodata).
 */
record DeclSpec(CType type, Storage storage, boolean inline, boolean typeGiven, SrcLoc loc, boolean constOnly) {
    DeclSpec(CType type, Storage storage, boolean inline, boolean typeGiven, SrcLoc loc) {
        this(type, storage, inline, typeGiven, loc, false);
    }

    DeclSpec withConst(boolean c) {
        return new DeclSpec(type, storage, inline, typeGiven, loc, c);
    }

    enum Storage { NONE, TYPEDEF, EXTERN, STATIC, AUTO, REGISTER }

    boolean isTypedef() {
        return storage == Storage.TYPEDEF;
    }

    boolean isStatic() {
        return storage == Storage.STATIC;
    }

    boolean isExtern() {
        return storage == Storage.EXTERN;
    }
}
