/*
 * spinlab's model of lib/ubsan.c: the reports of CONFIG_UBSAN as Linux 6.6 prints them, for
 * the checks the model's compiler makes (CONFIG_UBSAN_SHIFT's -fsanitize=shift, exponent
 * only, since the kernel builds with -fno-strict-overflow; CONFIG_UBSAN_DIV_ZERO's
 * -fsanitize=integer-divide-by-zero, which in gcc also covers the minimum divided by -1).
 * The compiler calls the handlers before the operation (kc/ir/FunctionCompiler.sanitize) with
 * the operands and packed type descriptors (bit 0 signed, bits 1-7 log2 of the width, bits 8
 * up which type: the names below); the operation then runs as the hardware does it (x86's
 * idiv traps: an oops follows a division report; a shift uses the count modulo the width).
 *
 * A report is the kernel's: a line of '=', "UBSAN: REASON in FILE:LINE:COL", what was wrong,
 * dump_stack(), a line of '='; each site reports once (was_reported(): the site's
 * source_location is marked). It is a finding of kind ubsan, and execution goes on: UBSAN
 * reports, it does not stop the kernel (panic_on_warn is off).
 * Not modelled: current->in_ubsan (the handlers have no checked operations of their own).
 */
#include <linux/kernel.h>
#include <linux/printk.h>

/* Intrinsic: the instrumented site (the handler's caller) as FILE:LINE:COL, and whether it
 * has reported before (marking it in lib/bug.c's record, as gcc's REPORTED bit would be in
 * the site's static source_location). */
int __spinlab_ubsan_site(char *buf, int size);

#define VALUE_LENGTH 40
#define SITE_LENGTH 160

/* gcc's type names, as its type descriptors carry them (quotes included) */
static const char *const ubsan_type_names[] = {
    "'int'", "'unsigned int'", "'long int'", "'long unsigned int'",
    "'long long int'", "'long long unsigned int'",
};

static int type_is_signed(unsigned long type)
{
    return type & 1;
}

static unsigned int type_bit_width(unsigned long type)
{
    return 1U << ((type >> 1) & 0x7f);
}

static const char *type_name(unsigned long type)
{
    unsigned long i = type >> 8;

    return i < ARRAY_SIZE(ubsan_type_names) ? ubsan_type_names[i] : "'<unknown>'";
}

static long get_signed_val(unsigned long type, long val)
{
    unsigned int extra = 64 - type_bit_width(type);

    return extra ? (long)((unsigned long)val << extra) >> extra : val;
}

static int val_is_negative(unsigned long type, long val)
{
    return type_is_signed(type) && get_signed_val(type, val) < 0;
}

static void val_to_string(char *str, size_t size, unsigned long type, long val)
{
    if (type_is_signed(type))
        scnprintf(str, size, "%lld", (long long)get_signed_val(type, val));
    else
        scnprintf(str, size, "%llu", (unsigned long long)val);
}

static void ubsan_prologue(const char *site, const char *reason)
{
    pr_err("========================================"
           "========================================\n");
    pr_err("UBSAN: %s in %s\n", reason, site);
}

static void ubsan_epilogue(const char *site, const char *reason)
{
    char head[SITE_LENGTH + 64];
    dump_stack();
    pr_err("========================================"
           "========================================\n");
    snprintf(head, sizeof(head), "UBSAN: %s in %s", reason, site);
    __spinlab_finding("ubsan", head, SPINLAB_FINDING_HERE);
}

void __ubsan_handle_divrem_overflow(unsigned long type, long lhs, long rhs)
{
    char site[SITE_LENGTH];
    char rhs_val_str[VALUE_LENGTH];

    if (__spinlab_ubsan_site(site, sizeof(site)))
        return;
    ubsan_prologue(site, "division-overflow");
    val_to_string(rhs_val_str, sizeof(rhs_val_str), type, rhs);
    /* 6.6 prints the divisor's value here, not the dividend's (as the kernel does) */
    if (type_is_signed(type) && get_signed_val(type, rhs) == -1)
        pr_err("division of %s by -1 cannot be represented in type %s\n",
               rhs_val_str, type_name(type));
    else
        pr_err("division by zero\n");
    ubsan_epilogue(site, "division-overflow");
}

void __ubsan_handle_shift_out_of_bounds(unsigned long lhs_type, unsigned long rhs_type, long lhs, long rhs)
{
    char site[SITE_LENGTH];
    char rhs_str[VALUE_LENGTH];

    if (__spinlab_ubsan_site(site, sizeof(site)))
        return;
    ubsan_prologue(site, "shift-out-of-bounds");
    val_to_string(rhs_str, sizeof(rhs_str), rhs_type, rhs);
    if (val_is_negative(rhs_type, rhs))
        pr_err("shift exponent %s is negative\n", rhs_str);
    else
        pr_err("shift exponent %s is too large for %u-bit type %s\n",
               rhs_str, type_bit_width(lhs_type), type_name(lhs_type));
    ubsan_epilogue(site, "shift-out-of-bounds");
}
