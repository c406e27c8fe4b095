package dev.spinlab.kc.parse;

import dev.spinlab.kc.type.StructType;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Nested scopes (C11 6.2.1) with the two name spaces the parser needs (6.2.3): ordinary
 * identifiers (variables, functions, typedef names, enumeration constants) and tags. Labels
 * and members have their own spaces elsewhere. The outermost level is file scope.
 */
final class Scope {
    /** A tag: a struct/union type, or an enum (whose type is always int here). */
    sealed interface Tag {
        record Struct(StructType type) implements Tag {}

        record Enum() implements Tag {}
    }

    private static final class Level {
        final Map<String, Symbol> names = new HashMap<>();
        final Map<String, Tag> tags = new HashMap<>();
    }

    private final Deque<Level> levels = new ArrayDeque<>();

    Scope() {
        levels.push(new Level());
    }

    void enter() {
        levels.push(new Level());
    }

    void leave() {
        if (levels.size() == 1) {
            throw new IllegalStateException("cannot leave file scope");
        }
        levels.pop();
    }

    boolean atFileScope() {
        return levels.size() == 1;
    }

    Symbol lookup(String name) {
        for (Level l : levels) {
            Symbol s = l.names.get(name);
            if (s != null) {
                return s;
            }
        }
        return null;
    }

    /** The symbol declared with this name in the innermost scope only (for redeclaration checks). */
    Symbol lookupCurrent(String name) {
        return levels.peek().names.get(name);
    }

    Symbol lookupFile(String name) {
        return levels.peekLast().names.get(name);
    }

    void declare(String name, Symbol sym) {
        levels.peek().names.put(name, sym);
    }

    void declareFile(String name, Symbol sym) {
        levels.peekLast().names.put(name, sym);
    }

    boolean isTypedefName(String name) {
        return lookup(name) instanceof Symbol.Typedef;
    }

    Tag lookupTag(String name) {
        for (Level l : levels) {
            Tag t = l.tags.get(name);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    Tag lookupTagCurrent(String name) {
        return levels.peek().tags.get(name);
    }

    void declareTag(String name, Tag tag) {
        levels.peek().tags.put(name, tag);
    }
}
