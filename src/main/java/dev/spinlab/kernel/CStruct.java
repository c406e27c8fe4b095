package dev.spinlab.kernel;

import dev.spinlab.kc.type.Field;
import dev.spinlab.kc.type.StructType;
import dev.spinlab.machine.Memory;

/**
 * Reads and writes fields of a C struct in simulated memory by name, using the layout the
 * compiler computed, so the Java side of the kernel never hard-codes an offset.
 */
public final class CStruct {
    private final StructType type;

    public CStruct(StructType type) {
        this.type = type;
    }

    public long size() {
        return type.size();
    }

    public Field field(String name) {
        Field f = type.findField(name);
        if (f == null) {
            throw new IllegalStateException(type.spelling() + " has no field " + name);
        }
        return f;
    }

    public long get(Memory mem, long obj, String name) {
        Field f = field(name);
        return mem.load(obj + f.offset(), (int) f.type().size(), true);
    }

    public void set(Memory mem, long obj, String name, long value) {
        Field f = field(name);
        mem.store(obj + f.offset(), (int) f.type().size(), value);
    }

    public long addressOf(long obj, String name) {
        return obj + field(name).offset();
    }

    public String getString(Memory mem, long obj, String name) {
        Field f = field(name);
        byte[] b = mem.cString(obj + f.offset(), (int) f.type().size());
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    public void setString(Memory mem, long obj, String name, String value) {
        Field f = field(name);
        byte[] b = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int n = (int) Math.min(b.length, f.type().size() - 1);
        for (int i = 0; i < n; i++) {
            mem.store(obj + f.offset() + i, 1, b[i]);
        }
        mem.store(obj + f.offset() + n, 1, 0);
    }
}
