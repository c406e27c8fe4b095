package dev.spinlab.kc.pp;

import dev.spinlab.kc.lex.SrcLoc;
import dev.spinlab.kc.lex.Token;
import java.util.List;

/**
 * One macro definition (C11 6.10.3).
 *
 * @param name its name
 * @param functionLike whether it was defined with a parameter list
 * @param params parameter names; for a variadic macro the last one is {@code __VA_ARGS__} or the GNU named form's name
 * @param variadic whether the last parameter collects the remaining arguments
 * @param body replacement list; its first token has no space before it
 * @param loc where it was defined ({@link SrcLoc#NONE} for predefined ones)
 * @param dynamic a built-in whose value is computed at each use ({@code __LINE__} and friends)
 */
record Macro(String name, boolean functionLike, List<String> params, boolean variadic, List<Token> body,
             SrcLoc loc, boolean dynamic) {

    /**
     * Whether a redefinition is the same as this definition, so no warning is due (C11 6.10.3p2:
     * same parameters, same replacement list spelling, same white-space separation).
     */
    boolean sameAs(Macro o) {
        if (functionLike != o.functionLike || variadic != o.variadic || !params.equals(o.params)
                || body.size() != o.body.size() || dynamic || o.dynamic) {
            return false;
        }
        for (int i = 0; i < body.size(); i++) {
            Token a = body.get(i);
            Token b = o.body.get(i);
            if (!a.text().equals(b.text()) || a.kind() != b.kind() || (i > 0 && a.spaceBefore() != b.spaceBefore())) {
                return false;
            }
        }
        return true;
    }

    int paramIndex(String ident) {
        return functionLike ? params.indexOf(ident) : -1;
    }
}
