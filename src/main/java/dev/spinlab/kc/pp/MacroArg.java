package dev.spinlab.kc.pp;

/**
 * A command-line macro: {@code -DNAME[=VALUE]} (value {@code "1"} when absent, as gcc does) or,
 * when {@code value} is null, {@code -UNAME}.
 */
public record MacroArg(String name, String value) {
    public static MacroArg define(String name, String value) {
        return new MacroArg(name, value == null ? "1" : value);
    }

    public static MacroArg undefine(String name) {
        return new MacroArg(name, null);
    }

    /** Parses the text after {@code -D}: {@code NAME}, {@code NAME=VALUE} or {@code NAME(args)=BODY}. */
    public static MacroArg parseDefine(String spec) {
        int eq = spec.indexOf('=');
        return eq < 0 ? define(spec, "1") : define(spec.substring(0, eq), spec.substring(eq + 1));
    }
}
