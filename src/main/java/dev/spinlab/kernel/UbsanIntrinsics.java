package dev.spinlab.kernel;

import dev.spinlab.kc.interp.StackEntry;
import dev.spinlab.machine.Intrinsic;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/*
 * Implementation notes.
 *
 * What lib/ubsan.c (C) needs from the machine: where the instrumented operation is, and the
 * finding. gcc hands its handlers a static source_location per check site whose REPORTED bit
 * makes the site report once (was_reported()); the model's compiler passes no data, so the
 * site is the handler's caller on the call stack (the call the compiler put before the
 * operation, at the operation's file:line:col; marked by its code address, as two checks in
 * one macro invocation's arguments share a location), and its "reported" mark lives with the
 * WARN_ON_ONCE marks in kernel memory (lib/bug.c: __warn_once_done, part of the machine's
 * state). The report's text is lib/ubsan.c's, and so is the finding (__spinlab_finding, kind
 * "ubsan").
 */
final class UbsanIntrinsics {
    private UbsanIntrinsics() {}

    static void register(Map<String, Intrinsic> table, Kernel k, KernelIntrinsics warnings) {
        // int __spinlab_ubsan_site(char *buf, int size): FILE:LINE:COL into buf; 1 when the
        // site has reported before (then buf is left alone), else 0 and the site is marked
        table.put("__spinlab_ubsan_site", Intrinsic.declared((m, cpu, a, obs) -> obs.range(a[0], a[1], true), (env, a) -> {
            List<StackEntry> st = k.interp.stack(env.context());
            StackEntry caller = st.size() > 1 ? st.get(1) : null;
            String site = caller != null ? caller.loc().toString() : "?";
            // the site is the call itself (two checks in one macro's arguments share a location)
            if (caller != null && !warnings.firstWarningAt(env, KernelIntrinsics.callSite(env.context(), 1))) {
                return 1;
            }
            byte[] b = site.getBytes(StandardCharsets.UTF_8);
            int n = (int) Math.max(0, Math.min(b.length, a[1] - 1));
            for (int i = 0; i < n; i++) {
                env.memory().store(a[0] + i, 1, b[i]);
            }
            env.memory().store(a[0] + n, 1, 0);
            return 0;
        }));
    }
}
