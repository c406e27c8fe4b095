package dev.spinlab.kernel;

import dev.spinlab.kc.interp.Interpreter;
import dev.spinlab.machine.AccessObserver;
import dev.spinlab.machine.MachineState;
import dev.spinlab.machine.Register;

/*
 * Implementation notes.
 *
 * The one step function of the system: run, check and replay all move a machine by
 * apply(machine, choice). It changes the machine it is given (run steps one machine on;
 * check copies a state first and keeps the copy as the successor), and tells an observer
 * (check's footprint) every access it makes beside the interpreted code's own: the device
 * models' writes (the NIC's DMA, a line becoming pending) and the registers a delivery
 * reads. The kernel's findings of the step go where all of them go (Kernel.findings); the
 * caller takes them.
 *
 * Two things differ between run's world and check's and are settings, not choices: whether
 * the clock runs (run: a step costs STEP_NS of its CPU's time, the CPUs in parallel; check:
 * time is abstract and timers fire as choices), and what a fault does (run: the kernel's
 * response, Kernel.handleFault: a user process gets SIGSEGV and the run goes on, an oops
 * ends it; check: the fault ends the path and is reported).
 */
public final class Transition {
    /** What a fault of interpreted code does. */
    public enum OnFault {
        /** The kernel's response (Kernel.handleFault); FAULTED is returned only when the run cannot go on. */
        KERNEL,
        /** Returned as FAULTED (Interpreter.lastFault tells which): check ends the path there. */
        STOP
    }

    private final Kernel k;
    private final Interpreter interp;
    private final long stepNs;
    private final OnFault onFault;
    private final long handleIrq;
    private final long handleNmi;
    private final long jiffies;
    private final long softirqPending;
    private final long irqStatSize;
    private final long nicHw;
    private final long hrtimerCompare;
    private final TimerBases timers;

    /**
     * @param stepNs the clock time one step of a CPU costs as seen by the whole machine (run:
     *               STEP_NS / ncpu, the CPUs running in parallel), 0 under abstract time
     */
    public Transition(Kernel k, long stepNs, OnFault onFault) {
        this.k = k;
        this.interp = k.interpreter();
        this.stepNs = stepNs;
        this.onFault = onFault;
        this.handleIrq = k.symbolAddress("handle_arch_irq");
        this.handleNmi = k.symbolAddress("handle_arch_nmi");
        this.jiffies = k.globalAddress("jiffies");
        this.softirqPending = k.globalAddress("irq_stat");
        this.irqStatSize = ((dev.spinlab.kc.type.ArrayType) k.globalType("irq_stat")).element().size();
        this.nicHw = k.globalAddress("spinlab_nic_hw");
        this.hrtimerCompare = k.globalAddress("spinlab_hrtimer_compare");
        this.timers = new TimerBases(k);
    }

    /** Whether the last step's fault was answered by the kernel (OnFault.KERNEL) so the machine goes on. */
    private boolean faultHandled;

    public boolean faultHandled() {
        return faultHandled;
    }

    /** The clock one CPU step costs the machine under run's running clock. */
    public static long runStepNs(int ncpu) {
        return Math.max(1, Simulation.STEP_NS / ncpu);
    }

    public TimerBases timers() {
        return timers;
    }

    public long stepNs() {
        return stepNs;
    }

    /**
     * Moves m by one choice; obs (or null) hears every access. Returns the interpreter's
     * outcome for a CPU step (PROGRESS for the devices' and the clock's choices).
     */
    public Interpreter.Outcome apply(MachineState m, Choice c, AccessObserver obs) {
        // Java 17: an instanceof chain over the sealed choices (no pattern switch yet)
        if (c instanceof Choice.CpuStep x) {
            return cpuStep(m, x.cpu(), obs);
        } else if (c instanceof Choice.TimerFires) {
            return timerFires(m, obs);
        } else if (c instanceof Choice.DeviceRaises x) {
            return deviceRaises(m, x.device(), x.cpu(), obs);
        } else if (c instanceof Choice.PacketArrives x) {
            return packetArrives(m, x.cpu(), obs);
        } else if (c instanceof Choice.TakeInterrupt x) {
            return takeInterrupt(m, x.cpu(), obs);
        } else if (c instanceof Choice.Tick x) {
            return raiseIf(m, x.cpu(), Simulation.IRQ_TIMER, obs);
        } else if (c instanceof Choice.ClockEvent x) {
            return clockEvent(m, x.cpu(), obs);
        } else if (c instanceof Choice.Nmi x) {
            return nmi(m, x.cpu(), obs);
        } else if (c instanceof Choice.ConsoleInput) {
            return raise(m, 0, Simulation.IRQ_CONSOLE, obs);
        } else if (c instanceof Choice.ClockAdvance x) {
            m.timeNs = Math.max(m.timeNs, x.toNs());
            return Interpreter.Outcome.PROGRESS;
        }
        throw new IllegalArgumentException("unknown choice " + c);
    }

    /**
     * A CPU's step: a deliverable pending interrupt is taken first (its lowest line), then
     * the CPU executes one visible step and the clock advances by stepNs.
     */
    private Interpreter.Outcome cpuStep(MachineState m, int cpu, AccessObserver obs) {
        faultHandled = false;
        if (obs != null) {
            // whether an interrupt is taken first depends on the mask and, when unmasked, the lines
            if (m.irqEnabled[cpu] != 0) {
                obs.register(Register.PENDING, cpu, false);
            }
            obs.register(Register.IRQ_MASK, cpu, false);
            obs.register(Register.CONTEXT, cpu, false);
        }
        if (m.interruptDeliverable(cpu)) {
            takeInterrupt(m, cpu, obs);
        }
        interp.setAccessObserver(obs);
        Interpreter.Outcome o;
        try {
            o = interp.step(m, cpu);
        } finally {
            interp.setAccessObserver(null);
        }
        m.timeNs += stepNs;
        faultHandled = o == Interpreter.Outcome.FAULTED && onFault == OnFault.KERNEL && k.handleFault(m, interp.lastFault());
        return o;
    }

    /** The CPU takes its lowest pending line: the exception entry into handle_arch_irq. */
    private Interpreter.Outcome takeInterrupt(MachineState m, int cpu, AccessObserver obs) {
        int ctx = m.currentContext(cpu);
        long pending = m.pendingIrq[cpu];
        if (pending == 0 || ctx < 0 || m.irqEnabled[cpu] == 0) {
            return Interpreter.Outcome.IDLE;
        }
        int irq = Long.numberOfTrailingZeros(pending);
        m.pendingIrq[cpu] &= ~(1L << irq);
        interp.takeException(m, cpu, m.context(ctx), obs, handleIrq, irq);
        if (obs != null) {
            obs.register(Register.PENDING, cpu, true);
            obs.register(Register.CONTEXT, cpu, true);
        }
        return Interpreter.Outcome.PROGRESS;
    }

    private Interpreter.Outcome raise(MachineState m, int cpu, int line, AccessObserver obs) {
        m.pendingIrq[cpu] |= 1L << line;
        if (obs != null) {
            obs.register(Register.PENDING, cpu, true);
        }
        return Interpreter.Outcome.PROGRESS;
    }

    /** A per-CPU line (the tick, the clock event) goes only to a CPU that runs anything. */
    private Interpreter.Outcome raiseIf(MachineState m, int cpu, int line, AccessObserver obs) {
        return m.currentContext(cpu) >= 0 ? raise(m, cpu, line, obs) : Interpreter.Outcome.PROGRESS;
    }

    /**
     * Abstract time: the earliest armed timer's tick. jiffies moves to its expiry (a timer
     * already due needs the tick only), and the timer line is raised on the timer's CPU.
     */
    private Interpreter.Outcome timerFires(MachineState m, AccessObserver obs) {
        long[] t = timers.earliest(m);
        if (t == null) {
            return Interpreter.Outcome.IDLE;
        }
        int cpu = (int) t[0];
        long now = m.mem.load(jiffies, 8, false);
        if (Long.compareUnsigned(t[1], now) > 0) {
            m.mem.store(jiffies, 8, t[1]);
        }
        if (obs != null) {
            obs.access(jiffies, 8, false, -1, 0);
            obs.access(jiffies, 8, true, -1, 0);
            obs.access(timers.address(), timers.bytes(m.ncpu), false, -1, 0);
            if (Long.compareUnsigned(t[1], now) <= 0) {
                // offered only while the timer softirq is not raised (check's timerCanFire)
                obs.access(softirqPending + irqStatSize * cpu, 4, false, -1, 0);
            }
        }
        return raise(m, cpu, Simulation.IRQ_TIMER, obs);
    }

    /** Model device d spends one of its raises: its line becomes pending on the CPU. */
    private Interpreter.Outcome deviceRaises(MachineState m, int d, int cpu, AccessObserver obs) {
        m.deviceEvents[d]--;
        return raise(m, cpu, k.config().irqs().get(d).line(), obs);
    }

    /**
     * eth0's peer sends echo request number seq (from 1): the NIC's DMA puts it in the receive
     * ring, or drops it when the ring is full, and raises its line on the CPU.
     */
    private Interpreter.Outcome packetArrives(MachineState m, int cpu, AccessObserver obs) {
        int d = m.deviceEvents.length - 1;
        m.deviceEvents[d]--;
        int seq = k.config().rxPackets() - m.deviceEvents[d];
        if (!SpinlabNic.receive(m, nicHw, NetPackets.echoRequestToEth0(seq))) {
            k.log.add(new LogRecord(m.timeNs, 6, "spinlab", "spinlab: eth0: receive ring full, echo request "
                    + seq + " from 10.0.0.2 dropped"));
        }
        if (obs != null) {
            obs.access(nicHw, SpinlabNic.HW_BYTES, false, -1, 0);
            obs.access(nicHw, SpinlabNic.HW_BYTES, true, -1, 0);
        }
        return raise(m, cpu, SpinlabNic.IRQ, obs);
    }

    /** Each CPU's clock event device (kernel/time/hrtimer.c: spinlab_hrtimer_compare[cpu]). */
    public long clockEventCompare(MachineState m, int cpu) {
        return m.mem.load(hrtimerCompare + 8L * cpu, 8, false);
    }

    private Interpreter.Outcome clockEvent(MachineState m, int cpu, AccessObserver obs) {
        if (m.currentContext(cpu) < 0) {
            return Interpreter.Outcome.PROGRESS;
        }
        m.mem.store(hrtimerCompare + 8L * cpu, 8, 0);
        if (obs != null) {
            obs.access(hrtimerCompare + 8L * cpu, 8, true, -1, 0);
        }
        return raise(m, cpu, Simulation.IRQ_HRTIMER, obs);
    }

    private Interpreter.Outcome nmi(MachineState m, int cpu, AccessObserver obs) {
        int ctx = m.currentContext(cpu);
        if (ctx < 0) {
            return Interpreter.Outcome.PROGRESS;
        }
        interp.takeException(m, cpu, m.context(ctx), obs, handleNmi);
        if (obs != null) {
            obs.register(Register.CONTEXT, cpu, true);
        }
        return Interpreter.Outcome.PROGRESS;
    }
}
