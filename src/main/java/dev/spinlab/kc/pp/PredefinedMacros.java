package dev.spinlab.kc.pp;

import java.util.List;

/**
 * The macros spinlab's "compiler" predefines, written as directives and executed before the
 * main file like gcc's {@code <built-in>} buffer. Values describe an LP64 x86-64 gcc 12 in C11
 * mode, since that is what kernel code expects to be compiled with. {@code __DATE__} and
 * {@code __TIME__} are fixed so that runs are reproducible.
 */
final class PredefinedMacros {
    private PredefinedMacros() {}

    private static final String BUILT_IN = String.join("\n",
            "#define __STDC__ 1",
            "#define __STDC_VERSION__ 201112L",
            "#define __STDC_HOSTED__ 1",
            "#define __GNUC__ 12",
            "#define __GNUC_MINOR__ 2",
            "#define __GNUC_PATCHLEVEL__ 0",
            "#define __x86_64__ 1",
            "#define __x86_64 1",
            "#define __LP64__ 1",
            "#define _LP64 1",
            "#define __CHAR_BIT__ 8",
            "#define __SIZEOF_SHORT__ 2",
            "#define __SIZEOF_INT__ 4",
            "#define __SIZEOF_LONG__ 8",
            "#define __SIZEOF_LONG_LONG__ 8",
            "#define __SIZEOF_POINTER__ 8",
            "#define __SIZEOF_SIZE_T__ 8",
            "#define __SCHAR_MAX__ 0x7f",
            "#define __SHRT_MAX__ 0x7fff",
            "#define __INT_MAX__ 0x7fffffff",
            "#define __LONG_MAX__ 0x7fffffffffffffffL",
            "#define __LONG_LONG_MAX__ 0x7fffffffffffffffLL",
            "#define __ORDER_LITTLE_ENDIAN__ 1234",
            "#define __ORDER_BIG_ENDIAN__ 4321",
            "#define __BYTE_ORDER__ __ORDER_LITTLE_ENDIAN__",
            "#define __linux__ 1",
            "#define __linux 1",
            "#define __unix__ 1",
            "#define __ELF__ 1",
            "#define __spinlab__ 1",
            "#define __DATE__ \"Jan  1 1970\"",
            "#define __TIME__ \"00:00:00\"",
            "");

    static String text() {
        return BUILT_IN;
    }

    /** {@code -D}/{@code -U} options as directives, in order ({@code -DX=V} is {@code #define X V}). */
    static String commandLine(List<MacroArg> args) {
        StringBuilder sb = new StringBuilder();
        for (MacroArg a : args) {
            if (a.value() == null) {
                sb.append("#undef ").append(a.name()).append('\n');
            } else {
                sb.append("#define ").append(a.name()).append(' ').append(a.value().replace('\n', ' ')).append('\n');
            }
        }
        return sb.toString();
    }
}
