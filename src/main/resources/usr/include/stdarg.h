/* spinlab's model of <stdarg.h>: gcc's builtins. A va_list points at the 8-byte slots in
 * which a variadic function saved its variadic arguments on entry. */
#ifndef _SPINLAB_STDARG_H
#define _SPINLAB_STDARG_H

typedef __builtin_va_list va_list;
typedef __builtin_va_list __gnuc_va_list;

#define va_start(v, l) __builtin_va_start(v, l)
#define va_end(v) __builtin_va_end(v)
#define va_arg(v, T) __builtin_va_arg(v, T)
#define va_copy(d, s) __builtin_va_copy(d, s)
#define __va_copy(d, s) __builtin_va_copy(d, s)

#endif
