#include <stdio.h>
#include <string.h>

#define BITS_PER_LONG 64
#define BITS_TO_LONGS(n) (((n) + BITS_PER_LONG - 1) / BITS_PER_LONG)
#define BIT_WORD(n) ((n) / BITS_PER_LONG)
#define BIT_MASK(n) (1UL << ((n) % BITS_PER_LONG))
#define NBITS 150

static void set_bit(int nr, unsigned long *map) { map[BIT_WORD(nr)] |= BIT_MASK(nr); }
static void clear_bit(int nr, unsigned long *map) { map[BIT_WORD(nr)] &= ~BIT_MASK(nr); }
static int test_bit(int nr, const unsigned long *map) { return (map[BIT_WORD(nr)] >> (nr % BITS_PER_LONG)) & 1; }
static int test_and_set_bit(int nr, unsigned long *map)
{
    int old = test_bit(nr, map);
    set_bit(nr, map);
    return old;
}
static void change_bit(int nr, unsigned long *map) { map[BIT_WORD(nr)] ^= BIT_MASK(nr); }

static int find_first_zero_bit(const unsigned long *map, int size)
{
    for (int i = 0; i < size; i++)
        if (!test_bit(i, map))
            return i;
    return size;
}

static int bitmap_weight(const unsigned long *map, int size)
{
    int w = 0;
    for (int i = 0; i < size; i++)
        w += test_bit(i, map);
    return w;
}

int main(void)
{
    unsigned long map[BITS_TO_LONGS(NBITS)];
    memset(map, 0, sizeof map);
    printf("longs %zu\n", sizeof map / sizeof map[0]);
    int bits[] = {0, 1, 5, 63, 64, 100, 149};
    for (int i = 0; i < 7; i++)
        set_bit(bits[i], map);
    printf("words %#lx %#lx %#lx\n", map[0], map[1], map[2]);
    printf("test 5 %d 6 %d 64 %d 149 %d\n", test_bit(5, map), test_bit(6, map), test_bit(64, map), test_bit(149, map));
    clear_bit(63, map);
    clear_bit(1, map);
    printf("after clear word0 %#lx\n", map[0]);
    printf("test_and_set 2 -> %d, again -> %d\n", test_and_set_bit(2, map), test_and_set_bit(2, map));
    change_bit(100, map);
    change_bit(101, map);
    printf("word1 %#lx\n", map[1]);
    printf("first zero %d weight %d\n", find_first_zero_bit(map, NBITS), bitmap_weight(map, NBITS));
    /* allocate ids like an IDA */
    unsigned long ids[1] = {0};
    for (int k = 0; k < 5; k++) {
        int id = find_first_zero_bit(ids, 64);
        set_bit(id, ids);
        printf("alloc id %d\n", id);
    }
    clear_bit(1, ids);
    printf("after free(1) next id %d\n", find_first_zero_bit(ids, 64));
    return 0;
}
