/*
 * spinlab's model of <asm/cpufeature.h> (arch/x86): the CPU feature tests. The model is
 * configured as x86-64 (CONFIG_X86_64), and its CPUs have the x86-64 baseline — the features
 * every x86-64 CPU has (word 0 of the kernel's feature words: FPU, TSC, CX8, CMOV, FXSR, XMM,
 * XMM2 ...) — and nothing beyond it, so code that tests for more takes its fallback path.
 * The numbers are the kernel's (word * 32 + bit, arch/x86/include/asm/cpufeatures.h).
 */
#ifndef _SPINLAB_ASM_CPUFEATURE_H
#define _SPINLAB_ASM_CPUFEATURE_H

#define X86_FEATURE_FPU (0 * 32 + 0)
#define X86_FEATURE_TSC (0 * 32 + 4)
#define X86_FEATURE_MSR (0 * 32 + 5)
#define X86_FEATURE_PAE (0 * 32 + 6)
#define X86_FEATURE_CX8 (0 * 32 + 8)
#define X86_FEATURE_APIC (0 * 32 + 9)
#define X86_FEATURE_CMOV (0 * 32 + 15)
#define X86_FEATURE_CLFLUSH (0 * 32 + 19)
#define X86_FEATURE_MMX (0 * 32 + 23)
#define X86_FEATURE_FXSR (0 * 32 + 24)
#define X86_FEATURE_XMM (0 * 32 + 25)
#define X86_FEATURE_XMM2 (0 * 32 + 26)
#define X86_FEATURE_XMM3 (4 * 32 + 0)
#define X86_FEATURE_CX16 (4 * 32 + 13)
#define X86_FEATURE_HYPERVISOR (4 * 32 + 31)

/* the baseline's bits of word 0 */
#define __SPINLAB_X86_BASELINE ((1U << 0) | (1U << 4) | (1U << 5) | (1U << 6) | (1U << 8) | (1U << 9) | \
                                (1U << 15) | (1U << 19) | (1U << 23) | (1U << 24) | (1U << 25) | (1U << 26))

#define boot_cpu_has(bit) ((bit) < 32 && ((__SPINLAB_X86_BASELINE >> (bit)) & 1))
#define static_cpu_has(bit) boot_cpu_has(bit)
#define cpu_feature_enabled(bit) boot_cpu_has(bit)
#define this_cpu_has(bit) boot_cpu_has(bit)

#endif
