/*
 * spinlab's model of init/calibrate.c: loops_per_jiffy, which the kernel defines in
 * init/main.c at 1 << 12 and calibrate_delay() then measures at boot. The model's delays wait
 * on its clock (kernel/time/timer.c), not on a loop count, so nothing calibrates it: it keeps
 * the kernel's starting value, for the drivers that read or print it.
 */
#include <linux/delay.h>

unsigned long loops_per_jiffy = (1 << 12);
