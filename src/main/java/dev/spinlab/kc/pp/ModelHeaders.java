package dev.spinlab.kc.pp;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/*
 * Implementation notes.
 *
 * Built once, lazily, the first time a name is unknown: every header of the two model trees is
 * read and scanned with a few line patterns (#define NAME, a function declared or defined at
 * column 0, extern variables, typedef names, struct/union tags' typedefs, enumerators). That is
 * a heuristic, not a parse, and it only has to be good enough for a hint; it cannot go stale
 * when headers are added, which a hand-kept table would. The kernel-header list adds names the
 * model does not provide, so the hint can still name the kernel's header.
 */
/**
 * Which header declares a name: the model's own trees ({@code include/} for the kernel,
 * {@code usr/include/} for the C library), then a list of where Linux 6.6 declares the names
 * drivers use ({@code kernel-header-names.txt}). Used for gcc's "did you forget to
 * '#include <...>'?" notes when an identifier, type or macro is unknown.
 */
public final class ModelHeaders {
    /** Where a name is declared: {@code header} as written in an #include; {@code modelled} when a model tree has it. */
    public record Hint(String header, boolean modelled) {}

    private static final Pattern DEFINE = Pattern.compile("^\\s*#\\s*define\\s+([A-Za-z_]\\w*)");
    private static final Pattern FUNCTION = Pattern.compile("^[A-Za-z_][\\w\\s\\*]*?\\b([A-Za-z_]\\w*)\\s*\\(");
    private static final Pattern EXTERN = Pattern.compile("^extern\\s+[\\w\\s\\*]+?\\b([A-Za-z_]\\w*)\\s*(\\[[^\\]]*\\])?\\s*[;,]");
    private static final Pattern TYPEDEF = Pattern.compile("^typedef\\s+[^;(]*?\\b([A-Za-z_]\\w*)\\s*(\\[[^\\]]*\\])?\\s*;");
    private static final Pattern TYPEDEF_FN = Pattern.compile("^typedef\\s+[^;]*\\(\\s*\\*\\s*([A-Za-z_]\\w*)\\s*\\)");
    private static final Pattern CLOSE_TYPEDEF = Pattern.compile("^\\}\\s*([A-Za-z_]\\w*)\\s*;");
    private static final Pattern ENUMERATOR = Pattern.compile("^\\s+([A-Z_][A-Z0-9_]*)\\s*(=[^,]*)?,?\\s*(/\\*.*)?$");
    private static final Set<String> NOT_NAMES = Set.of("if", "while", "for", "switch", "return", "sizeof",
            "static", "inline", "extern", "struct", "union", "enum", "typedef", "const", "void", "int", "long",
            "char", "short", "unsigned", "signed", "do", "else", "__attribute__", "typeof", "__typeof__");

    private static volatile ModelHeaders instance;

    /** name → header, per tree: kernel ("include") and C library ("usr/include"). */
    private final Map<String, String> kernel = new HashMap<>();
    private final Map<String, String> libc = new HashMap<>();
    private final Map<String, String> linux = new HashMap<>();

    private ModelHeaders() {}

    /** The index (scanned on first use). */
    public static ModelHeaders get() {
        ModelHeaders h = instance;
        if (h == null) {
            synchronized (ModelHeaders.class) {
                h = instance;
                if (h == null) {
                    h = new ModelHeaders();
                    h.scanTree("include", h.kernel);
                    h.scanTree("usr/include", h.libc);
                    h.loadKernelList();
                    instance = h;
                }
            }
        }
        return h;
    }

    /**
     * Where {@code name} is declared. {@code kernelSide}: the file is kernel code, so the kernel
     * tree is preferred over the C library's (and the other way round for user programs).
     */
    public Optional<Hint> lookup(String name, boolean kernelSide) {
        String first = (kernelSide ? kernel : libc).get(name);
        if (first != null) {
            return Optional.of(new Hint(first, true));
        }
        if (kernelSide) {
            String k = linux.get(name);
            if (k != null) {
                return Optional.of(new Hint(k, false));
            }
        }
        String other = (kernelSide ? libc : kernel).get(name);
        if (other != null) {
            return Optional.of(new Hint(other, true));
        }
        String k = linux.get(name);
        return k == null ? Optional.empty() : Optional.of(new Hint(k, false));
    }

    /** Every name the model's kernel tree declares, with its header (for tests). */
    public Map<String, String> kernelNames() {
        return Collections.unmodifiableMap(kernel);
    }

    // ---- scanning ---------------------------------------------------------------------------

    private void scanTree(String tree, Map<String, String> into) {
        List<String> headers = new ArrayList<>(listHeaders(tree));
        // shorter, more general paths first, and linux/ before asm/: the header a driver includes
        headers.sort((a, b) -> {
            int pa = a.startsWith("linux/") ? 0 : 1;
            int pb = b.startsWith("linux/") ? 0 : 1;
            return pa != pb ? pa - pb : a.compareTo(b);
        });
        for (String h : headers) {
            String text = read("/" + tree + "/" + h);
            if (text != null) {
                scanHeader(h, text, into);
            }
        }
    }

    static void scanHeader(String header, String text, Map<String, String> into) {
        boolean inEnum = false;
        for (String line : text.split("\n")) {
            Matcher m;
            if ((m = DEFINE.matcher(line)).find()) {
                String n = m.group(1);
                if (!n.startsWith("_SPINLAB") && !n.endsWith("_H")) {
                    into.putIfAbsent(n, header);
                }
                continue;
            }
            if (line.startsWith("enum") && line.contains("{")) {
                inEnum = true;
                continue;
            }
            if (inEnum) {
                if (line.startsWith("}")) {
                    inEnum = false;
                } else if ((m = ENUMERATOR.matcher(line)).find()) {
                    into.putIfAbsent(m.group(1), header);
                }
                continue;
            }
            for (Pattern p : List.of(TYPEDEF_FN, TYPEDEF, EXTERN, CLOSE_TYPEDEF, FUNCTION)) {
                m = p.matcher(line);
                if (m.find() && !NOT_NAMES.contains(m.group(1))) {
                    into.putIfAbsent(m.group(1), header);
                    break;
                }
            }
        }
    }

    private void loadKernelList() {
        String text = read("/dev/spinlab/kc/pp/kernel-header-names.txt");
        if (text == null) {
            return;
        }
        for (String line : text.split("\n")) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            String header = line.substring(0, colon).strip();
            for (String n : line.substring(colon + 1).strip().split("\\s+")) {
                linux.putIfAbsent(n, header);
            }
        }
    }

    /** The .h files of a classpath tree, as paths relative to it; from a directory or a jar. */
    private static List<String> listHeaders(String tree) {
        URL url = ModelHeaders.class.getResource("/" + tree);
        List<String> out = new ArrayList<>();
        if (url == null) {
            return out;
        }
        try {
            if (url.getProtocol().equals("file")) {
                Path root = Path.of(url.toURI());
                try (Stream<Path> s = Files.walk(root)) {
                    s.filter(p -> p.toString().endsWith(".h"))
                            .forEach(p -> out.add(root.relativize(p).toString().replace('\\', '/')));
                }
            } else if (url.getProtocol().equals("jar")) {
                JarURLConnection c = (JarURLConnection) url.openConnection();
                c.setUseCaches(false);
                try (JarFile jar = c.getJarFile()) {
                    String prefix = tree + "/";
                    for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
                        String n = e.nextElement().getName();
                        if (n.startsWith(prefix) && n.endsWith(".h")) {
                            out.add(n.substring(prefix.length()));
                        }
                    }
                }
            }
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            // no index: hints are a help, never a reason to fail
        }
        return out;
    }

    private static String read(String resource) {
        try (InputStream in = ModelHeaders.class.getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }
}
