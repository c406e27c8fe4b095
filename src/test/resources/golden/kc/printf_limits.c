#include <stdio.h>
#include <limits.h>
#include <stdint.h>

int main(void)
{
    printf("INT_MIN %d INT_MAX %d\n", INT_MIN, INT_MAX);
    printf("UINT_MAX %u %x\n", UINT_MAX, UINT_MAX);
    printf("LONG_MIN %ld LONG_MAX %ld\n", LONG_MIN, LONG_MAX);
    printf("ULONG_MAX %lu %lx %#lX\n", ULONG_MAX, ULONG_MAX, ULONG_MAX);
    printf("LLONG_MIN %lld\n", LLONG_MIN);
    printf("SHRT_MIN %hd USHRT_MAX %hu\n", (short)SHRT_MIN, (unsigned short)USHRT_MAX);
    printf("SCHAR_MIN %hhd UCHAR_MAX %hhu CHAR_MIN %d CHAR_MAX %d\n", (signed char)SCHAR_MIN, (unsigned char)UCHAR_MAX, CHAR_MIN, CHAR_MAX);
    printf("[%12d] [%-12d] [%+d]\n", INT_MIN, INT_MIN, INT_MAX);
    printf("[%022ld]\n", LONG_MIN);
    printf("INT_MIN as unsigned %u hex %x\n", (unsigned)INT_MIN, (unsigned)INT_MIN);
    printf("LONG_MIN as unsigned %lu\n", (unsigned long)LONG_MIN);
    printf("INT64_MAX %lld UINT64_MAX %llu\n", (long long)INT64_MAX, (unsigned long long)UINT64_MAX);
    printf("INT_MIN / 2 = %d, INT_MIN %% 7 = %d\n", INT_MIN / 2, INT_MIN % 7);
    printf("-(INT_MIN + 1) = %d\n", -(INT_MIN + 1));
    printf("LONG_MAX + 1 via unsigned = %lu\n", (unsigned long)LONG_MAX + 1);
    printf("SIZE_MAX %zu\n", SIZE_MAX);
    return 0;
}
