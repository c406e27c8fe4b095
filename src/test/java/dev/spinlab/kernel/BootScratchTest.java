package dev.spinlab.kernel;

import dev.spinlab.kc.diag.CompileError;
import dev.spinlab.kc.diag.DiagnosticRenderer;
import dev.spinlab.kc.diag.SourceMap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

public class BootScratchTest {
    public static void main(String[] a) { new BootScratchTest().boots(); }
    @Test
    void boots() {
        SourceMap sm = new SourceMap();
        var diags = new ArrayList<dev.spinlab.kc.diag.Diagnostic>();
        try {
            KernelConfig c = new KernelConfig(Integer.getInteger("cpus", 1), PreemptModel.VOLUNTARY, 1, 60_000_000_000L, 5000, 50_000_000L,
                    dev.spinlab.kc.pp.PreprocessorOptions.defaults());
            List<Path> mods = System.getProperty("mod") == null ? List.of() : List.of(Path.of(System.getProperty("mod")));
            List<Kernel.Program> progs = new ArrayList<>();
            if (System.getProperty("prog") != null) {
                for (String p : System.getProperty("prog").split(",")) {
                    String[] nv = p.split(":");
                    progs.add(new Kernel.Program(nv[0], List.of(Path.of(nv[1]))));
                }
            }
            Kernel k = Kernel.boot(c, mods, progs, sm, diags);
            Simulation.Result r = new Simulation(k).run();
            for (LogRecord l : k.log()) {
                System.out.println(l.timestamp() + " " + (l.isKernel() ? "" : l.source() + ": ") + l.text());
            }
            System.out.println("END " + r);
            if (r.oops() != null) {
                System.out.println(dev.spinlab.report.FaultReport.render(r.oops(), "?"));
            }
            for (Finding f : k.findings()) {
                System.out.println("FINDING " + f.kind() + " " + f.message());
            }
        } catch (CompileError e) {
            System.out.println(new DiagnosticRenderer(sm).render(e));
        }
    }
}
