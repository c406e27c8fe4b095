package dev.spinlab.lockdep;

/** How lockdep runs: off (--no-lockdep), the kernel's way (the first report turns it off), or reporting every distinct problem (--lockdep-all). */
public enum LockdepMode {
    OFF, FIRST, ALL
}
