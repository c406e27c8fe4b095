package dev.spinlab.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/*
 * Implementation notes.
 *
 * The part of kbuild (Documentation/kbuild/modules.rst, makefiles.rst) that an out-of-tree
 * module's Kbuild file or Makefile uses to say what the module is made of:
 *
 *   obj-m := NAME.o            (or +=; several modules may be listed)
 *   NAME-objs := a.o b.o       (or NAME-y, += adds; the files are a.c, b.c)
 *
 * A module without a NAME-objs/-y line is NAME.c alone. Kbuild is read first, then Makefile
 * (as kbuild does). Makefile text for the outer make (the `all:`/`clean:` rules calling
 * $(MAKE) -C /lib/modules/...; ifneq ($(KERNELRELEASE),) ... else ... endif; comments;
 * ccflags-y) is skipped; `ccflags-y += -DX` / `-I` are applied. Anything else that assigns to
 * obj-m or a NAME-objs in a way not understood is an error naming the line, not a guess.
 */
public final class Kbuild {
    private Kbuild() {}

    /** One module of a Kbuild directory, with the flags the file gives (ccflags-y). */
    public record Module(String name, List<Path> files, List<String> ccflags) {}

    private static final Pattern ASSIGN = Pattern.compile("^\\s*([A-Za-z0-9_.$()-]+)\\s*(:=|\\+=|=|\\?=)\\s*(.*?)\\s*$");
    private static final Pattern RULE = Pattern.compile("^[A-Za-z0-9_.%$() -]+:([^=].*)?$");

    /** True when dir holds a Kbuild file or a Makefile naming obj-m. */
    public static boolean isModuleDir(Path dir) {
        return Files.isDirectory(dir) && (Files.isRegularFile(dir.resolve("Kbuild"))
                || Files.isRegularFile(dir.resolve("Makefile")));
    }

    /** The modules a Kbuild directory builds, in obj-m order. */
    public static List<Module> read(Path dir) {
        dir = dir.normalize();
        Path f = Files.isRegularFile(dir.resolve("Kbuild")) ? dir.resolve("Kbuild") : dir.resolve("Makefile");
        List<String> lines;
        try {
            lines = joinContinuations(Files.readAllLines(f));
        } catch (IOException e) {
            throw new IllegalArgumentException(f + ": " + e.getMessage());
        }
        List<String> objm = new ArrayList<>();
        Map<String, List<String>> objs = new LinkedHashMap<>();
        List<String> ccflags = new ArrayList<>();
        // GNU make reads a line that starts with a tab as a recipe only in a rule's context (after
        // a rule line, until the next variable assignment); before any rule it is an ordinary
        // line, as in Makefiles that indent their kbuild part inside ifneq ($(KERNELRELEASE),)
        boolean inRule = false;
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            String line = stripComment(raw);
            int lineNo = i + 1;
            if (line.isBlank()) {
                continue;
            }
            if (raw.startsWith("\t") && inRule) {
                continue; // a recipe line of the outer make's rules
            }
            String t = line.trim();
            if (t.startsWith("ifneq") || t.startsWith("ifeq") || t.startsWith("ifdef") || t.startsWith("ifndef")
                    || t.equals("else") || t.equals("endif") || t.startsWith(".PHONY") || t.startsWith("export ")
                    || t.startsWith("include ") || t.startsWith("-include ")) {
                continue;
            }
            Matcher m = ASSIGN.matcher(line);
            if (m.matches()) {
                String var = m.group(1);
                String op = m.group(2);
                List<String> words = words(m.group(3));
                if (var.equals("obj-m") || var.equals("obj-y")) {
                    if (op.equals(":=") || op.equals("=")) {
                        objm.clear();
                    }
                    for (String w : words) {
                        objm.add(object(w, f, lineNo, var));
                    }
                } else if (var.startsWith("obj-$(")) {
                    throw new IllegalArgumentException(f + ":" + lineNo + ": '" + var + "' depends on a configuration"
                            + " option spinlab does not evaluate; write obj-m := NAME.o");
                } else if (var.endsWith("-objs") || var.endsWith("-y")) {
                    String name = var.substring(0, var.lastIndexOf('-'));
                    if (name.equals("ccflags") || name.equals("EXTRA_CFLAGS") || name.equals("subdir-ccflags")) {
                        ccflags.addAll(words);
                        continue;
                    }
                    if (name.contains("$")) {
                        throw new IllegalArgumentException(f + ":" + lineNo + ": cannot evaluate '" + var
                                + "' (make variables in module names are not supported)");
                    }
                    List<String> list = objs.computeIfAbsent(name, x -> new ArrayList<>());
                    if (op.equals(":=") || op.equals("=")) {
                        list.clear();
                    }
                    for (String w : words) {
                        list.add(object(w, f, lineNo, var));
                    }
                } else if (var.equals("EXTRA_CFLAGS") || var.equals("ccflags")) {
                    ccflags.addAll(words);
                }
                // other variables (KDIR, PWD, KERNELDIR, ...) belong to the outer make
                inRule = false;
                continue;
            }
            if (RULE.matcher(line.strip()).matches()) {
                inRule = true;
                continue; // "all:", "clean:", "default: ..." rules of the outer make
            }
            throw new IllegalArgumentException(f + ":" + lineNo + ": cannot read this line: '" + t + "'"
                    + " (spinlab understands obj-m := NAME.o, NAME-objs := a.o b.o, NAME-y := ..., ccflags-y;"
                    + " the outer make's rules are skipped)");
        }
        if (objm.isEmpty()) {
            throw new IllegalArgumentException(f + ": no obj-m := NAME.o line: which module does it build?");
        }
        List<Module> out = new ArrayList<>();
        for (String name : objm) {
            List<String> parts = objs.getOrDefault(name, List.of(name));
            List<Path> files = new ArrayList<>();
            for (String p : parts) {
                Path c = dir.resolve(p + ".c");
                if (!Files.isRegularFile(c)) {
                    throw new IllegalArgumentException(f + ": module " + name + " needs " + p + ".o, but "
                            + c + " does not exist");
                }
                files.add(c);
            }
            out.add(new Module(name, files, List.copyOf(ccflags)));
        }
        return out;
    }

    private static String object(String word, Path f, int line, String var) {
        if (!word.endsWith(".o") || word.contains("$") || word.contains("/")) {
            throw new IllegalArgumentException(f + ":" + line + ": " + var + ": '" + word + "' is not NAME.o"
                    + " (objects in subdirectories and make variables are not supported)");
        }
        return word.substring(0, word.length() - 2);
    }

    private static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (String w : s.trim().split("\\s+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    private static String stripComment(String line) {
        int h = line.indexOf('#');
        return h < 0 ? line : line.substring(0, h);
    }

    /** Lines ending in a backslash continue on the next, as make reads them. */
    private static List<String> joinContinuations(List<String> lines) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = null;
        int joined = 0;
        for (String l : lines) {
            if (cur != null) {
                cur.append(' ').append(l.strip());
                joined++;
            } else {
                cur = new StringBuilder(l);
            }
            if (cur.toString().endsWith("\\")) {
                cur.setLength(cur.length() - 1);
                continue;
            }
            out.add(cur.toString());
            for (; joined > 0; joined--) {
                out.add(""); // keeps later lines at their numbers in messages
            }
            cur = null;
        }
        if (cur != null) {
            out.add(cur.toString());
        }
        return out;
    }
}
