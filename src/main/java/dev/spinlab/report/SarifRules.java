package dev.spinlab.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spinlab.kernel.FindingKind;
import java.util.Locale;

/**
 * SARIF's rules: one {@code reportingDescriptor} per {@link FindingKind}, in its order (a
 * result's {@code ruleIndex} is the kind's ordinal): the kind's id, a PascalCase name, the
 * kernel's explanation as short and full description, help in Markdown, a help URI into
 * docs/sarif.md (one heading per kind) and a default level.
 */
public final class SarifRules {
    private SarifRules() {}

    /**
     * Where spinlab's documentation is read, for SARIF's {@code informationUri} and
     * {@code helpUri} (which must be absolute URIs). The project has no published home yet:
     * this placeholder (a reserved, never-resolving domain, RFC 2606) is the one place to
     * change when it has; the docs themselves are docs/*.md in spinlab's tree.
     */
    public static final String HOME = "https://spinlab.invalid/";

    /** The URI of docs/NAME.md, with an optional anchor. */
    public static String docs(String name, String anchor) {
        return HOME + "docs/" + name + ".md" + (anchor == null ? "" : "#" + anchor);
    }

    /** The anchor a Markdown heading "### ID" gets (GitHub's rule: lower case, punctuation but '-' and '_' dropped). */
    public static String anchor(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    }

    /** The kind's SARIF level: what a code-scanning UI shows it as unless configured otherwise. */
    public static String level(FindingKind k) {
        return switch (k) {
            case WARNING, USER_FAULT, EMERGENCY_RESTART -> "warning";
            case SOFT_LOCKUP, HARD_LOCKUP, SCHEDULING_WHILE_ATOMIC, SLEEP_IN_ATOMIC, SPINLOCK_RECURSION,
                 SPINLOCK_BAD_UNLOCK, SPINLOCK_WRONG_OWNER, SPINLOCK_BAD_MAGIC, RWLOCK_RECURSION, RWLOCK_BAD_MAGIC,
                 RWLOCK_WRONG_OWNER, OOPS, PANIC, UBSAN, PREEMPT_LEAK_TO_USER, LOCKDEP_RECURSIVE_LOCKING,
                 LOCKDEP_CIRCULAR_DEPENDENCY, LOCKDEP_INCONSISTENT_LOCK_STATE, LOCKDEP_IRQ_SAFE_UNSAFE_ORDER,
                 LOCKDEP_IRQ_LOCK_INVERSION, LOCKDEP_BAD_UNLOCK_BALANCE, LOCKDEP_LOCK_HELD_RETURNING_TO_USER,
                 LOCKDEP_NON_STATIC_KEY, LOCKDEP_INVALID_WAIT_CONTEXT, LOCKDEP_NESTED_LOCK_NOT_TAKEN,
                 LOCKDEP_HELD_LOCK_FREED, DEADLOCK, DATA_RACE, FAULT, BOOT -> "error";
        };
    }

    /** {@code soft-lockup} -> {@code SoftLockup}, {@code lockdep:circular-dependency} -> {@code LockdepCircularDependency}. */
    public static String name(FindingKind k) {
        StringBuilder sb = new StringBuilder();
        for (String w : k.id.split("[^a-z0-9]+")) {
            if (!w.isEmpty()) {
                sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
            }
        }
        return sb.toString();
    }

    /** The description as plain text: Markdown's backticks dropped. */
    static String plain(String markdown) {
        return markdown.replace("`", "");
    }

    /** The first clause of the description (up to its first parenthesis or semicolon), as a sentence. */
    public static String shortDescription(FindingKind k) {
        String d = plain(k.description);
        int cut = d.length();
        for (String stop : new String[] {" (", "; "}) {
            int i = d.indexOf(stop);
            if (i > 0 && i < cut) {
                cut = i;
            }
        }
        String s = d.substring(0, cut).trim();
        return Character.toUpperCase(s.charAt(0)) + s.substring(1) + ".";
    }

    static String fullDescription(FindingKind k) {
        String d = plain(k.description);
        return Character.toUpperCase(d.charAt(0)) + d.substring(1) + ".";
    }

    public static ObjectNode rule(FindingKind k) {
        ObjectNode r = JsonNodeFactory.instance.objectNode();
        r.put("id", k.id);
        r.put("name", name(k));
        r.putObject("shortDescription").put("text", shortDescription(k));
        r.putObject("fullDescription").put("text", fullDescription(k));
        String md = Character.toUpperCase(k.description.charAt(0)) + k.description.substring(1) + ".\n\n"
                + "Reported by " + origin(k) + ". See [" + k.id + "](" + docs("sarif", anchor(k.id)) + ").";
        r.putObject("help").put("text", fullDescription(k) + " Reported by " + origin(k) + ".").put("markdown", md);
        r.put("helpUri", docs("sarif", anchor(k.id)));
        r.putObject("defaultConfiguration").put("level", level(k));
        ObjectNode p = r.putObject("properties");
        ArrayNode tags = p.putArray("tags");
        tags.add("linux-kernel").add("concurrency").add(k.origin.name().toLowerCase(Locale.ROOT));
        // lockdep predicts a deadlock from lock orders and usages; the others saw it happen or proved it reachable
        p.put("precision", k.origin == FindingKind.Origin.LOCKDEP ? "high" : "very-high");
        return r;
    }

    static String origin(FindingKind k) {
        return switch (k.origin) {
            case KERNEL -> "the model kernel (its own report, as Linux 6.6 prints it)";
            case LOCKDEP -> "lockdep, the kernel's lock validator";
            case SPINLAB -> "spinlab's own check of the model kernel";
            case CHECK -> "spinlab check, the exhaustive search";
        };
    }

    /** Every kind's rule, in FindingKind's order. */
    public static ArrayNode all() {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (FindingKind k : FindingKind.values()) {
            a.add(rule(k));
        }
        return a;
    }
}
