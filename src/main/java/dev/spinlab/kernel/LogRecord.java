package dev.spinlab.kernel;

/**
 * One line of a run's output, in order: a kernel log line (printk, with its level) or a line a
 * user process wrote to its standard output.
 *
 * @param level the printk level 0-7 for kernel lines, -1 for process output
 */
public record LogRecord(long timeNs, int level, String source, String text) {
    public boolean isKernel() {
        return level >= 0;
    }

    /** dmesg's timestamp: seconds and microseconds since boot. */
    public String timestamp() {
        long us = timeNs / 1000;
        return String.format("[%5d.%06d]", us / 1_000_000, us % 1_000_000);
    }
}
