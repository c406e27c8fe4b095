/* GNU designated ranges [first ... last] in array initializers, as lookup tables use them. */
#include <stdio.h>

enum { CLASS_OTHER, CLASS_DIGIT, CLASS_LOWER, CLASS_UPPER };

static const unsigned char char_class[128] = {
    ['0' ... '9'] = CLASS_DIGIT,
    ['a' ... 'z'] = CLASS_LOWER,
    ['A' ... 'Z'] = CLASS_UPPER,
};

struct slot {
    int owner;
    int weight;
};

static struct slot slots[8] = {
    [0 ... 7] = { -1, 1 },
    [3] = { 42, 5 },        /* a later designator overrides one element */
};

int main(void)
{
    const char *s = "aZ9_";
    for (int i = 0; s[i]; i++)
        printf("%c:%d ", s[i], char_class[(int)s[i]]);
    printf("\n");
    int local[6] = { [1 ... 4] = 7, [5] = 1 };
    for (int i = 0; i < 8; i++)
        printf("(%d,%d)", slots[i].owner, slots[i].weight);
    printf("\n");
    for (int i = 0; i < 6; i++)
        printf("%d ", local[i]);
    printf("\n");
    return 0;
}
