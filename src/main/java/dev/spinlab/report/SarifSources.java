package dev.spinlab.report;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spinlab.kc.interp.StackEntry;
import dev.spinlab.kernel.Finding;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where SARIF's locations point: the user's files (the modules and programs given, their
 * headers: any file on disk that is not one of the model kernel's own sources) as URIs
 * relative to the source root, the directory spinlab ran in ({@value #SRCROOT}, as code-scanning
 * tools expect paths relative to the checked-out repository). The model kernel's files
 * ({@code kernel/locking/spinlock.c}, ...) are inside spinlab, not in the user's tree: a location
 * there is named in its message, without a physical location.
 */
public class SarifSources {
    /** The uriBaseId of the user's files. */
    public static final String SRCROOT = "%SRCROOT%";

    private final Path root;
    private final java.util.Map<String, Boolean> users = new java.util.HashMap<>();

    /** root: the directory relative paths in the stacks are relative to (the working directory, or replay's). */
    public SarifSources(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** Whether file (as a stack names it) is one of the user's, not the model kernel's. */
    public boolean isUsers(String file) {
        if (file == null || file.equals("?") || file.isEmpty()) {
            return false;
        }
        return users.computeIfAbsent(file, this::onDiskNotKernel);
    }

    private boolean onDiskNotKernel(String file) {
        // the model kernel's sources are resources named by their tree path (kernel/fork.c)
        if (!Path.of(file).isAbsolute() && SarifSources.class.getResource("/" + file) != null) {
            return false;
        }
        return Files.isRegularFile(root.resolve(file));
    }

    /** {@code artifactLocation}: relative to {@value #SRCROOT} when under it, else an absolute file URI. */
    public ObjectNode artifactLocation(String file) {
        ObjectNode a = JsonNodeFactory.instance.objectNode();
        Path abs = root.resolve(file).normalize();
        if (abs.startsWith(root)) {
            StringBuilder uri = new StringBuilder();
            for (Path part : root.relativize(abs)) {
                if (uri.length() > 0) {
                    uri.append('/');
                }
                uri.append(encode(part.toString()));
            }
            a.put("uri", uri.toString());
            a.put("uriBaseId", SRCROOT);
        } else {
            a.put("uri", abs.toUri().toString());
        }
        return a;
    }

    /** Percent-encodes what a URI path segment cannot hold (spaces, '%', '#', '?', non-ASCII). */
    static String encode(String segment) {
        StringBuilder sb = new StringBuilder();
        for (byte b : segment.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~!$&'()*+,;=:@".indexOf(c) >= 0;
            sb.append(plain ? String.valueOf((char) c) : String.format("%%%02X", c));
        }
        return sb.toString();
    }

    /**
     * A SARIF {@code location}: the physical location (file and line) when the file is the
     * user's, the function as a logical location, and message; null fields are left out.
     */
    public ObjectNode location(String file, int line, String function, String message) {
        ObjectNode loc = JsonNodeFactory.instance.objectNode();
        if (isUsers(file) && line > 0) {
            ObjectNode phys = loc.putObject("physicalLocation");
            phys.set("artifactLocation", artifactLocation(file));
            phys.putObject("region").put("startLine", line);
        }
        if (function != null && !function.equals("?")) {
            loc.putArray("logicalLocations").addObject().put("name", function).put("kind", "function");
        }
        if (message != null) {
            loc.putObject("message").put("text", message);
        }
        return loc;
    }

    public ObjectNode location(Finding.Where w, String message) {
        return location(w.file(), w.line(), w.function(), message);
    }

    public ObjectNode location(StackEntry e, String message) {
        return location(e.loc().file(), e.loc().line(), e.function(), message);
    }
}
