#include <stdio.h>
#include <stdint.h>
#include <stddef.h>
#include <limits.h>

int main(void)
{
    uint8_t u8 = 250;
    uint16_t u16 = 65530;
    uint32_t u32 = 4294967290u;
    uint64_t u64 = 18446744073709551610ull;
    int8_t i8 = -100;
    int16_t i16 = -30000;
    int32_t i32 = -2000000000;
    int64_t i64 = -9000000000000000000ll;
    size_t sz = sizeof(uint64_t);

    u8 += 10;
    u16 += 10;
    u32 += 10;
    u64 += 10;
    printf("u8 %u u16 %u u32 %u u64 %llu\n", u8, u16, u32, (unsigned long long)u64);
    printf("i8 %d i16 %d i32 %d i64 %lld\n", i8, i16, i32, (long long)i64);
    printf("sizes %zu %zu %zu %zu sz=%zu\n", sizeof u8, sizeof u16, sizeof u32, sizeof u64, sz);
    printf("sizeof(size_t)=%zu sizeof(ptrdiff_t)=%zu\n", sizeof(size_t), sizeof(ptrdiff_t));
    printf("limits: CHAR_BIT %d SCHAR_MIN %d SCHAR_MAX %d UCHAR_MAX %d\n",
           CHAR_BIT, SCHAR_MIN, SCHAR_MAX, UCHAR_MAX);
    printf("SHRT_MIN %d SHRT_MAX %d USHRT_MAX %d\n", SHRT_MIN, SHRT_MAX, USHRT_MAX);
    printf("INT_MAX %d UINT_MAX %u\n", INT_MAX, UINT_MAX);
    printf("LLONG_MAX %lld ULLONG_MAX %llu\n", LLONG_MAX, ULLONG_MAX);
    printf("INT8_MIN %d INT16_MAX %d UINT32_MAX %u\n", INT8_MIN, INT16_MAX, UINT32_MAX);
    printf("INT64_MIN %lld UINT64_MAX %llu SIZE_MAX %zu\n",
           (long long)INT64_MIN, (unsigned long long)UINT64_MAX, (size_t)SIZE_MAX);
    i8 = (int8_t)u8;
    printf("(int8_t)u8 = %d\n", i8);
    return 0;
}
