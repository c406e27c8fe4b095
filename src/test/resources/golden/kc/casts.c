#include <stdio.h>
#include <stdint.h>

struct s { int a; int b; };

int main(void)
{
    int i = -1;
    printf("(unsigned)-1 = %u\n", (unsigned)i);
    printf("(unsigned char)-1 = %d\n", (unsigned char)i);
    printf("(short)70000 = %d\n", (short)70000);
    printf("(unsigned short)-2 = %d\n", (unsigned short)-2);
    printf("(long)(unsigned)-1 = %ld\n", (long)(unsigned)i);
    printf("(long)i = %ld\n", (long)i);
    printf("(unsigned long)i = %lu\n", (unsigned long)i);
    printf("(int)3000000000u = %d\n", (int)3000000000u);
    printf("(char)0x141 = %d\n", (char)0x141);
    printf("(int8_t)0x80 = %d (uint8_t)300 = %d\n", (int8_t)0x80, (uint8_t)300);
    printf("(int)(char)200 = %d (int)(unsigned char)200 = %d\n", (int)(char)200, (int)(unsigned char)200);
    printf("(_Bool)256 = %d (_Bool)0 = %d\n", (_Bool)256, (_Bool)0);
    long long big = 0x7fffffffffffffffLL;
    printf("(int)big = %d (unsigned)big = %u\n", (int)big, (unsigned)big);

    /* pointer <-> unsigned long round trip (no addresses printed) */
    int arr[4] = {10, 20, 30, 40};
    unsigned long addr = (unsigned long)&arr[0];
    unsigned long addr2 = (unsigned long)&arr[2];
    printf("address difference %lu\n", addr2 - addr);
    int *back = (int *)(addr + sizeof(int));
    printf("*back = %d\n", *back);
    uintptr_t up = (uintptr_t)arr;
    printf("aligned to 4: %d\n", (int)(up % 4 == 0));
    struct s obj = {5, 6};
    unsigned long base = (unsigned long)&obj;
    int *pb = (int *)(base + 4);
    printf("field via integer address %d\n", *pb);
    void *vp = &obj;
    struct s *sp = (struct s *)vp;
    printf("void* round trip %d\n", sp->a);
    char *cp = (char *)arr;
    printf("(int*)(cp + 8) -> %d\n", *(int *)(cp + 8));
    printf("NULL as ulong %lu\n", (unsigned long)(void *)0);
    unsigned long tagged = addr | 1;
    int *untag = (int *)(tagged & ~1UL);
    printf("tag bit %lu, untagged *p %d\n", tagged & 1, *untag);
    return 0;
}
