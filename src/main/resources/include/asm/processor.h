/* spinlab's model of <asm/processor.h>: the busy-wait hint used in spin loops. */
#ifndef _SPINLAB_ASM_PROCESSOR_H
#define _SPINLAB_ASM_PROCESSOR_H

void cpu_relax(void);

/* x86: the feature tests live beside the processor (arch/x86/include/asm/processor.h includes them) */
#include <asm/cpufeature.h>

#endif
