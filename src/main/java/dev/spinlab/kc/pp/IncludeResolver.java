package dev.spinlab.kc.pp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.spinlab.kc.lex.SourceBytes;

/**
 * Finds the file an {@code #include} names (C11 6.10.2), in gcc's order: for {@code "x.h"} the
 * includer's own directory first; then the {@code -I} directories; then spinlab's model header
 * trees, which are classpath resources: {@code /include/} (the model kernel's headers) before
 * {@code /usr/include/} (the model libc's).
 */
final class IncludeResolver {
    /** The model header trees, searched in this order. */
    static final List<String> MODEL_TREES = List.of("include", "usr/include");

    /**
     * Where a file lives, so that its own quoted includes can be looked up next to it:
     * a file-system directory, or a directory inside a model tree (e.g. {@code include/linux}).
     */
    record Origin(Path fsDir, String resourceDir) {}

    /**
     * A found file.
     *
     * @param displayName the name used in locations and the {@code SourceMap}
     * @param onceKey identity for {@code #pragma once}
     */
    record Found(String displayName, String text, String onceKey, Origin origin) {}

    private final List<Path> includeDirs;
    private final Map<String, String> generated;
    private final Map<String, Optional<String>> resourceCache = new HashMap<>();

    IncludeResolver(List<Path> includeDirs) {
        this(includeDirs, Map.of());
    }

    IncludeResolver(List<Path> includeDirs, Map<String, String> generated) {
        this.includeDirs = includeDirs;
        this.generated = generated;
    }

    Optional<Found> resolve(String name, boolean angled, Origin includer) {
        if (name.isEmpty() || name.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        try {
            if (Path.of(name).isAbsolute()) {
                return fromFile(Path.of(name));
            }
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
        if (!angled && includer != null) {
            Optional<Found> f = Optional.empty();
            if (includer.fsDir() != null) {
                f = fromFile(includer.fsDir().resolve(name));
            } else if (includer.resourceDir() != null) {
                f = fromResource(includer.resourceDir() + "/" + name);
            }
            if (f.isPresent()) {
                return f;
            }
        }
        String gen = generated.get(name);
        if (gen != null) {
            // the build's include/generated/ tree, made for this compilation
            return Optional.of(new Found("include/" + name, gen, "generated:" + name, new Origin(null, null)));
        }
        for (Path dir : includeDirs) {
            Optional<Found> f = fromFile(dir.resolve(name));
            if (f.isPresent()) {
                return f;
            }
        }
        for (String tree : MODEL_TREES) {
            Optional<Found> f = fromResource(tree + "/" + name);
            if (f.isPresent()) {
                return f;
            }
        }
        return Optional.empty();
    }

    /**
     * Bytes of one source file read at most (gcc has no such bound; a file this large is a
     * mistake, and reading it whole would exhaust the heap).
     */
    static final long MAX_SOURCE_BYTES = 64L << 20;

    /** A file that exists but cannot be a source: a directory, a FIFO, too large, unreadable. */
    static final class Unreadable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Reads a user file; the display name is the path as given, normalized (gcc keeps it
     * relative). Empty when nothing is there; {@link Unreadable} when something is there that
     * cannot be read as a source (never opened: a FIFO would block).
     */
    static Optional<Found> fromFile(Path p) {
        Path norm;
        try {
            norm = p.normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
        if (!Files.exists(norm)) {
            return Optional.empty();
        }
        if (Files.isDirectory(norm)) {
            throw new Unreadable(norm + ": is a directory, not a source file");
        }
        if (!Files.isRegularFile(norm)) {
            throw new Unreadable(norm + ": not a regular file (a FIFO, socket or device); give a C source file");
        }
        String text = readFile(norm);
        if (text == null) {
            throw new Unreadable(norm + ": cannot be read (permission denied?)");
        }
        Path parent = norm.getParent();
        Origin origin = new Origin(parent == null ? Path.of("") : parent, null);
        String display = norm.toString();
        return Optional.of(new Found(display, text, "file:" + norm.toAbsolutePath().normalize(), origin));
    }

    /** A file's text as gcc reads it (bytes: {@link SourceBytes}); null when unreadable. */
    static String readFile(Path p) {
        try {
            long size = Files.size(p);
            if (size > MAX_SOURCE_BYTES) {
                throw new Unreadable(p + ": too large (" + (size >> 20) + " MiB; spinlab reads source files of up to "
                        + (MAX_SOURCE_BYTES >> 20) + " MiB)");
            }
            return SourceBytes.decode(Files.readAllBytes(p));
        } catch (IOException e) {
            return null;
        }
    }

    private Optional<Found> fromResource(String treePath) {
        String norm = normalize(treePath);
        if (norm == null) {
            return Optional.empty();
        }
        Optional<String> text = resourceCache.computeIfAbsent(norm, IncludeResolver::loadResource);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        int slash = norm.lastIndexOf('/');
        Origin origin = new Origin(null, slash < 0 ? "" : norm.substring(0, slash));
        return Optional.of(new Found(norm, text.get(), "resource:" + norm, origin));
    }

    private static Optional<String> loadResource(String treePath) {
        java.net.URL url = Preprocessor.class.getResource("/" + treePath);
        if (url == null) {
            return Optional.empty();
        }
        if (url.getProtocol().equals("file")) {
            try {
                if (!Files.isRegularFile(Path.of(url.toURI()))) {
                    return Optional.empty(); // a directory of the tree, not a header
                }
            } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        try (InputStream in = url.openStream()) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Resolves "." and ".." in a '/'-separated resource path; null if it escapes the root. */
    static String normalize(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String s : path.split("/")) {
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.removeLast();
            } else {
                parts.addLast(s);
            }
        }
        return parts.isEmpty() ? null : String.join("/", parts);
    }
}
