package dev.spinlab.kc.ast;

import dev.spinlab.kc.type.CType;
import java.util.List;

/**
 * A variable's initializer, flattened by the typer.
 * {@link Scalar}: one value converted to the variable's type (also a whole struct copied from
 * a struct-typed expression). {@link Aggregate}: the object is zero-filled first, then each item
 * stores a scalar at its byte offset (designators, nested braces and string literals for char
 * arrays already resolved into items).
 */
public sealed interface Initializer {
    record Scalar(Expr value) implements Initializer {}

    record Aggregate(List<Item> items) implements Initializer {}

    /**
     * Stores {@code value} (already of {@code type}, a scalar type) at {@code offset}; for a
     * bit-field ({@code bitWidth > 0}) into bits {@code bitOffset..} of the unit of {@code type}
     * at {@code offset}, leaving the unit's other bits as they are.
     */
    record Item(long offset, CType type, Expr value, int bitOffset, int bitWidth) {
        public Item(long offset, CType type, Expr value) {
            this(offset, type, value, 0, 0);
        }

        public boolean isBitField() {
            return bitWidth > 0;
        }
    }
}
