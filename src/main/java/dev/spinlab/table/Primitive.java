package dev.spinlab.table;

/**
 * The candidate primitives, weakest first: no lock at all, then the spinlock family
 * (include/linux/spinlock.h). Each one's C text for taking and releasing {@code tbl_lock}.
 */
public enum Primitive {
    NONE("none", "None", "", ""),
    SPIN_LOCK("spin_lock", "SL", "spin_lock(&tbl_lock);", "spin_unlock(&tbl_lock);"),
    SPIN_LOCK_BH("spin_lock_bh", "SLBH", "spin_lock_bh(&tbl_lock);", "spin_unlock_bh(&tbl_lock);"),
    SPIN_LOCK_IRQ("spin_lock_irq", "SLI", "spin_lock_irq(&tbl_lock);", "spin_unlock_irq(&tbl_lock);"),
    SPIN_LOCK_IRQSAVE("spin_lock_irqsave", "SLIS", "spin_lock_irqsave(&tbl_lock, flags);",
            "spin_unlock_irqrestore(&tbl_lock, flags);");

    /** The function's name (the table's JSON and --why use it). */
    public final String id;
    /** The kernel table's abbreviation (its legend: SL, SLBH, SLI, SLIS; "None"). */
    public final String abbrev;
    final String lock;
    final String unlock;

    Primitive(String id, String abbrev, String lock, String unlock) {
        this.id = id;
        this.abbrev = abbrev;
        this.lock = lock;
        this.unlock = unlock;
    }
}
