package dev.spinlab.kc.ir;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * String literals of a program, deduplicated by content as gcc's -fmerge-constants does.
 * Each gets a symbol {@code .LC<n>}; the linker places them in read-only memory.
 */
public final class StringPool {
    private final Map<ByteBuffer, String> symbols = new HashMap<>();
    private final List<byte[]> literals = new ArrayList<>();

    /** The symbol naming this literal (bytes include the terminating NUL). */
    public String symbol(byte[] bytes) {
        return symbols.computeIfAbsent(ByteBuffer.wrap(bytes.clone()), k -> {
            literals.add(bytes.clone());
            return ".LC" + (literals.size() - 1);
        });
    }

    public List<byte[]> literals() {
        return literals;
    }
}
