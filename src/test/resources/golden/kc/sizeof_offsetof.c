#include <stdio.h>
#include <stddef.h>
#include <stdint.h>

struct a { char c; int i; };              /* 3 bytes padding after c */
struct b { char c; long l; char d; };     /* padding after c and at end */
struct c { char x, y, z; };               /* no padding */
struct d { int i; char c; };              /* tail padding */
struct e { short s; char c; long long q; int arr[3]; };
struct f { struct a inner; char tail; };
union u { char c; int i; long l; };

int main(void)
{
    printf("sizeof char %zu short %zu int %zu long %zu ll %zu ptr %zu\n",
           sizeof(char), sizeof(short), sizeof(int), sizeof(long), sizeof(long long), sizeof(char *));
    printf("struct a %zu: c@%zu i@%zu\n", sizeof(struct a), offsetof(struct a, c), offsetof(struct a, i));
    printf("struct b %zu: c@%zu l@%zu d@%zu\n", sizeof(struct b), offsetof(struct b, c), offsetof(struct b, l), offsetof(struct b, d));
    printf("struct c %zu\n", sizeof(struct c));
    printf("struct d %zu: c@%zu\n", sizeof(struct d), offsetof(struct d, c));
    printf("struct e %zu: s@%zu c@%zu q@%zu arr@%zu\n", sizeof(struct e), offsetof(struct e, s),
           offsetof(struct e, c), offsetof(struct e, q), offsetof(struct e, arr));
    printf("struct f %zu: tail@%zu\n", sizeof(struct f), offsetof(struct f, tail));
    printf("union u %zu\n", sizeof(union u));
    struct e arr[3];
    printf("array of struct e %zu\n", sizeof arr);
    int x = 0;
    printf("sizeof x %zu, sizeof(x + 1L) %zu, sizeof 'a' %zu, sizeof(char)'a' %zu\n",
           sizeof x, sizeof(x + 1L), sizeof 'a', sizeof((char)'a'));
    printf("sizeof does not evaluate: %zu ", sizeof(x++));
    printf("x still %d\n", x);
    int *ip = 0;
    printf("sizeof *ip %zu sizeof ip %zu\n", sizeof *ip, sizeof ip);
    printf("sizeof \"hello\" %zu sizeof(uint16_t[5]) %zu\n", sizeof "hello", sizeof(uint16_t[5]));
    printf("sizeof(struct a *) %zu sizeof(void (*)(void)) %zu\n", sizeof(struct a *), sizeof(void (*)(void)));
    printf("offsetof arr[2] %zu\n", offsetof(struct e, arr[2]));
    size_t n = sizeof(int) * 3 - 1;
    printf("size_t arithmetic %zu\n", n);
    return 0;
}
