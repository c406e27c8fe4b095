package dev.spinlab.kc.type;

/**
 * A struct or union member at a byte offset from the start of the enclosing object. A
 * bit-field ({@code bitWidth > 0}) lives in the storage unit of its declared type at
 * {@code offset} (aligned to that type's size), at bit {@code bitOffset} of the unit counted
 * from its least significant bit (little-endian, as gcc lays it out on x86-64 and arm64).
 */
public record Field(String name, CType type, long offset, int bitOffset, int bitWidth) {
    public Field(String name, CType type, long offset) {
        this(name, type, offset, 0, 0);
    }

    public boolean isBitField() {
        return bitWidth > 0;
    }

    /** The same member seen from an enclosing object, {@code delta} bytes further. */
    public Field shifted(long delta) {
        return new Field(name, type, offset + delta, bitOffset, bitWidth);
    }
}
