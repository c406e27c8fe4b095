package dev.spinlab.kernel;

/*
 * Implementation notes.
 *
 * The time the console takes. The model's console is a serial port (an 8250 UART at 115200
 * baud, 8N1: ten bits on the wire per character, 86.8 us each), and Linux 6.6 writes to it
 * synchronously from printk(): vprintk_emit() takes the console lock if it can
 * (console_trylock_spinning) and console_unlock() -> console_flush_all() hands every pending
 * record to the console drivers in the printing context; serial8250_console_write() busy-waits
 * for the transmitter before each character (drivers/tty/serial/8250/8250_port.c:
 * serial8250_console_putchar -> wait_for_xmitr), with interrupts off. printk() from a context
 * that cannot sleep never schedules while it does so (console_may_schedule is 0 after a
 * trylock). So a CPU that prints in a loop stays busy for the time its characters take, and
 * the soft-lockup watchdog sees it: ~22 s is about 6,000 lines of 40 characters.
 *
 * What reaches the console: records whose level is below console_loglevel (7,
 * CONFIG_CONSOLE_LOGLEVEL_DEFAULT; pr_debug's level 7 does not), each as the console shows it,
 * with CONFIG_PRINTK_TIME's "[    0.000000] " prefix and the UART's "\r\n"
 * (uart_console_write).
 *
 * The model's simplification: the console may lag behind printk by up to the log buffer's
 * size (LOG_BUF_LEN characters, about 11 s at 115200 baud) before the printing CPU waits for
 * it; from then on each printk waits until the console has room, so a CPU that keeps printing
 * is throttled to the console's speed and the watchdog sees it stuck, as in 6.6. Charging
 * every message at once, as 6.6 does, moved the timestamps of every scenario, the moments
 * interrupts arrive and so seeded outcomes (prerouting's seed-14 deadlock became seed 1's),
 * and check's boot (83 golden files); with the lag, scenarios that print a few pages keep
 * their timing. The record's timestamp is taken when printk stores it, as in the kernel. The
 * model has one clock for all CPUs, so a waiting CPU moves the clock for every CPU; under
 * check, whose time is abstract and which keeps no log, the console costs nothing.
 */
final class SerialConsole {

    /** 115200 baud, 10 bits a character. */
    static final long NS_PER_CHAR = 1_000_000_000L * 10 / 115_200;
    /** CONFIG_CONSOLE_LOGLEVEL_DEFAULT. */
    static final int CONSOLE_LOGLEVEL = 7;
    /** "[    0.000000] " */
    static final int PREFIX_CHARS = 15;

    /** How far the console may lag behind printk: the log buffer's worth of characters. */
    static final long MAX_LAG_NS = Kernel.LOG_BUF_LEN * NS_PER_CHAR;

    /** When the console will have written everything queued so far (machine time, ns). */
    private long idleAtNs;

    /**
     * Queues a printk text of this level at time nowNs; returns how long the printing CPU must
     * wait for the console (0 while the console's lag stays within MAX_LAG_NS).
     */
    long write(long nowNs, int level, String text) {
        long cost = cost(level, text);
        if (cost == 0) {
            return 0;
        }
        idleAtNs = Math.max(idleAtNs, nowNs) + cost;
        return Math.max(0, idleAtNs - nowNs - MAX_LAG_NS);
    }

    /** Nanoseconds the console takes to show this printk text at this level (0: not shown). */
    static long cost(int level, String text) {
        if (level >= CONSOLE_LOGLEVEL) {
            return 0;
        }
        long chars = 0;
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty()) {
                chars += PREFIX_CHARS + line.length() + 2;
            }
        }
        return chars * NS_PER_CHAR;
    }
}
