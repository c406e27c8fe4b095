package dev.spinlab.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spinlab.kc.Frontend;
import dev.spinlab.kc.diag.Diagnostic;
import dev.spinlab.kc.diag.SourceMap;
import dev.spinlab.kernel.KernelBuild;
import dev.spinlab.kernel.KernelConfig;
import dev.spinlab.kernel.ModuleSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriverGeneratorTest {
    /** Every cell's driver (all its candidates in one module) goes through the front end without a diagnostic. */
    @Test
    void everyGeneratedDriverCompilesCleanly() {
        KernelConfig cfg = KernelConfig.defaults();
        ModuleSource m = ModuleSource.of(Path.of("table.c"));
        for (Cell cell : Cell.all()) {
            DriverGenerator.Generated g = DriverGenerator.generate(cell);
            List<Diagnostic> diags = new ArrayList<>();
            new Frontend(KernelBuild.moduleOptions(cfg, m, "table.c"), new SourceMap(), diags)
                    .compileString("table.c", g.module());
            assertThat(diags).as(cell.id() + ":\n" + g.module()).isEmpty();
            assertThat(g.programs().isEmpty()).isEqualTo(cell.row().kind != Context.Kind.USER);
        }
    }

    @Test
    void eachSideTakesWhatTheCellGivesIt() {
        Cell userSoftirq = Cell.parse("user,softirq-A");
        DriverGenerator.Generated g = DriverGenerator.generate(userSoftirq);
        assertThat(g.module()).contains("static void user_a_spin_lock_bh(void)\n{\n\tspin_lock_bh(&tbl_lock);\n\ttbl_data++;")
                .contains("static void user_a_none(void)\n{\n\ttbl_data++;\n}")
                .contains("static void (*const user_a_access[])(void) = { user_a_none, user_a_spin_lock, user_a_spin_lock_bh,"
                        + " user_a_spin_lock_irq, user_a_spin_lock_irqsave };")
                // the higher side takes spin_lock whatever the lower side's candidate (none for none)
                .contains("static void (*const softirq_a_access[])(void) = { softirq_a_none, softirq_a_spin_lock,"
                        + " softirq_a_spin_lock, softirq_a_spin_lock, softirq_a_spin_lock };")
                .contains("open_softirq(BLOCK_SOFTIRQ, softirq_a_action);")
                .contains("raise_softirq_irqoff(BLOCK_SOFTIRQ);")
                .doesNotContain("softirq_a_spin_lock_bh");
        assertThat(g.irqs()).containsExactly(new KernelConfig.IrqDevice(7, 1, true));
        // peers both take the candidate; a hardirq never takes _bh or _irq
        Cell irqs = Cell.parse("hardirq-A,hardirq-B");
        assertThat(DriverGenerator.generate(irqs).module())
                .contains("static void hardirq_a_spin_lock_irqsave(void)\n{\n\tunsigned long flags;\n\n\tspin_lock_irqsave")
                .contains("static void (*const hardirq_b_access[])(void) = { hardirq_b_none, hardirq_b_spin_lock,"
                        + " hardirq_b_spin_lock_irqsave };");
        assertThat(irqs.candidates()).containsExactly(Primitive.NONE, Primitive.SPIN_LOCK, Primitive.SPIN_LOCK_IRQSAVE);
        // a diagonal cell is one context entered twice
        assertThat(DriverGenerator.generate(Cell.parse("tasklet-A,tasklet-A")).irqs())
                .containsExactly(new KernelConfig.IrqDevice(9, 2));
        assertThat(DriverGenerator.generate(Cell.parse("user-A,user-A")).programs()).containsOnlyKeys("ua");
        assertThat(DriverGenerator.generate(Cell.parse("user-A,user-A")).programs().get("ua")).containsOnlyOnce("write(")
                .contains("for (i = 0; i < 2; i++)");
        assertThat(DriverGenerator.generate(Cell.parse("user-B,user-A")).programs()).containsOnlyKeys("ua", "ub");
        assertThat(DriverGenerator.generate(Cell.parse("softirq-B,timer-A")).programs()).isEmpty();
    }

    /**
     * Against a task, the other side's device is a doorbell device the write handler starts
     * before its access (so its interrupt can come at every moment of the access) and halts
     * after it; cells without a task keep free-running devices, and two tasks have none.
     */
    @Test
    void aTaskStartsTheDeviceOfTheContextItSharesWithAroundItsAccess() {
        String m = DriverGenerator.generate(Cell.parse("user,timer-B")).module();
        int go = m.indexOf("\tspinlab_irqdev_ctrl(12, SPINLAB_IRQDEV_GO);");
        int access = m.indexOf("\tuser_a_access[tbl_candidate]();", go);
        int halt = m.indexOf("\tspinlab_irqdev_ctrl(12, SPINLAB_IRQDEV_HALT);", access);
        assertThat(go).as(m).isPositive();
        assertThat(access).as(m).isGreaterThan(go);
        assertThat(halt).as(m).isGreaterThan(access);
        assertThat(DriverGenerator.generate(Cell.parse("user,timer-B")).irqs())
                .containsExactly(new KernelConfig.IrqDevice(12, 1, true));
        assertThat(DriverGenerator.generate(Cell.parse("user-B,hardirq-A")).module())
                .contains("spinlab_irqdev_ctrl(5, SPINLAB_IRQDEV_GO);\n\tuser_b_access[tbl_candidate]();\n"
                        + "\t/* the access is over: an interrupt from now on could not overlap it */\n"
                        + "\tspinlab_irqdev_ctrl(5, SPINLAB_IRQDEV_HALT);\n\treturn len;");
        assertThat(DriverGenerator.generate(Cell.parse("tasklet-A,timer-B")).irqs())
                .containsExactlyInAnyOrder(new KernelConfig.IrqDevice(9, 1, false), new KernelConfig.IrqDevice(12, 1, false));
        assertThat(DriverGenerator.generate(Cell.parse("user-B,user-A")).module()).doesNotContain("spinlab_irqdev_ctrl(");
        assertThat(DriverGenerator.generate(Cell.parse("user-B,user-A")).irqs()).isEmpty();
    }

    @Test
    void cellsParseInEitherOrderAndBadNamesSayWhatIsExpected() {
        assertThat(Cell.parse("softirq-A,user")).isEqualTo(Cell.parse("USER-a, softirq"));
        assertThat(Cell.parse("irq-B,hardirq-A").row()).isEqualTo(Context.HARDIRQ_B);
        assertThat(Cell.all()).hasSize(55);
        assertThatThrownBy(() -> Cell.parse("user")).hasMessageContaining("two contexts");
        assertThatThrownBy(() -> Cell.parse("user,nmi")).hasMessageContaining("'nmi': unknown context");
    }
}
