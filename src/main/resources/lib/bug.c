/*
 * spinlab's model of lib/bug.c: which WARN_ON_ONCE() sites have fired. The kernel's
 * report_bug() sets BUGFLAG_DONE in the site's struct bug_entry (the __bug_table the compiler
 * emits for each WARN site) and stays quiet at that site afterwards. The model's compiler makes
 * no bug table, so the WARN_ON_ONCE primitive keeps the code addresses of the sites that have
 * warned here, ascending, zero after the last: kernel memory, so each path a model checker
 * explores has its own, and two paths that warned at the same sites hold the same bytes.
 * A site past the table's end warns every time (the table is far larger than the model's
 * WARN_ON_ONCE sites).
 */
#include <linux/kernel.h>

unsigned long __warn_once_done[WARN_ONCE_SITES];
