package dev.spinlab.check;

import dev.spinlab.kc.ir.IrFunction;
import dev.spinlab.check.KState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * KernelModel's data-race monitor, in the spirit of KCSAN (kernel/kcsan): it reads the
 * footprints of a state's transitions and never changes the search.
 */
final class RaceMonitor {
    private final KernelModel model;

    RaceMonitor(KernelModel model) {
        this.model = model;
    }

    /**
     * The data-race monitor (in the spirit of KCSAN): two plain accesses by module code to
     * overlapping bytes, at least one a write, that can happen at the same moment — the next
     * steps of two CPUs in this state, or the next step of a context and the handler of an
     * interrupt that can arrive on its CPU now. Accesses ordered by a common lock or by masking
     * the interrupt are never both enabled in one state, so they are not reported.
     */
    List<dev.spinlab.kernel.Finding> stateReports(KState s, List<KState> successors) {
        if (s.violation() != null) {
            return List.of();
        }
        List<Integer> acts = model.actions(s);
        List<dev.spinlab.kernel.Finding> out = new ArrayList<>();
        for (int i = 0; i < acts.size(); i++) {
            Footprint fi = successors.get(i).step;
            if (acts.get(i) < 0 || fi == null || fi.plain().isEmpty()) {
                continue;
            }
            for (int j = i + 1; j < acts.size(); j++) {
                Footprint fj = successors.get(j).step;
                if (fj == null) {
                    continue;
                }
                if (acts.get(j) >= 0) {
                    race(fi.plain(), fj.plain(), out);
                } else if (model.targetCpu(s, acts.get(j)) == acts.get(i)) {
                    Footprint h = model.handlerFootprint(s, acts.get(j), successors.get(j));
                    if (h != InterruptsReduction.FAIL_MARK) {
                        race(fi.plain(), h.plain(), out);
                    }
                }
            }
        }
        return out;
    }
    private void race(List<Footprint.Plain> a, List<Footprint.Plain> b, List<dev.spinlab.kernel.Finding> out) {
        // one message per pair of code locations, in a fixed order; a location that both reads
        // and writes (x++) is reported as the write
        Map<String, Footprint.Plain[]> pairs = new java.util.LinkedHashMap<>();
        for (Footprint.Plain x : a) {
            for (Footprint.Plain y : b) {
                if (!x.overlaps(y)) {
                    continue;
                }
                boolean xFirst = where(x).compareTo(where(y)) <= 0;
                Footprint.Plain p = xFirst ? x : y;
                Footprint.Plain q = xFirst ? y : x;
                Footprint.Plain[] seen = pairs.computeIfAbsent(where(p) + " " + where(q), key -> new Footprint.Plain[] {p, q});
                if (p.write() && !seen[0].write()) {
                    seen[0] = p;
                }
                if (q.write() && !seen[1].write()) {
                    seen[1] = q;
                }
            }
        }
        for (Footprint.Plain[] pq : pairs.values()) {
            Footprint.Plain p = pq[0];
            Footprint.Plain q = pq[1];
            String object = model.kernel().symbolizer().objectName(p.addr());
            String msg = String.format("BUG: KCSAN: data-race in %s / %s (%s of %d bytes to %s at %s; %s of %d bytes at %s)",
                    fnName(p), fnName(q), p.write() ? "write" : "read", p.size(),
                    object != null ? object : String.format("0x%x", p.addr()), where(p),
                    q.write() ? "write" : "read", q.size(), where(q));
            IrFunction fn = model.interpreter().code().entry(p.fn()).fn();
            dev.spinlab.kc.lex.SrcLoc loc = fn.locAt(p.pc());
            dev.spinlab.kernel.Finding f = new dev.spinlab.kernel.Finding(dev.spinlab.kernel.FindingKind.DATA_RACE, msg,
                    new dev.spinlab.kernel.Finding.Where(loc.file(), loc.line(), fnName(p)),
                    dev.spinlab.kernel.Finding.Context.none(-1), 0, List.of());
            if (out.stream().noneMatch(o -> o.key().equals(f.key()))) {
                out.add(f);
            }
        }
    }
    private String fnName(Footprint.Plain p) {
        return model.interpreter().code().entry(p.fn()).name();
    }
    private String where(Footprint.Plain p) {
        IrFunction fn = model.interpreter().code().entry(p.fn()).fn();
        dev.spinlab.kc.lex.SrcLoc loc = fn.locAt(p.pc());
        return loc.file() + ":" + loc.line();
    }
}
