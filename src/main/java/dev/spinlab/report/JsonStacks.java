package dev.spinlab.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spinlab.kc.interp.StackEntry;
import java.util.List;

/** The JSON form of a C call stack, innermost first, shared by every report. */
final class JsonStacks {
    private JsonStacks() {}

    static void put(ObjectNode into, List<StackEntry> stack) {
        ArrayNode st = into.putArray("stack");
        for (StackEntry e : stack) {
            ObjectNode s = st.addObject();
            s.put("function", e.function());
            s.put("file", e.loc().file());
            s.put("line", e.loc().line());
            s.put("column", e.loc().col());
        }
    }
}
