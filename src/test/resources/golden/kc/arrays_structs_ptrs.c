#include <stdio.h>
#include <string.h>

struct emp {
    char name[12];
    int age;
    int salary;
};

static int total_salary(struct emp *e, int n)
{
    int t = 0;
    for (int i = 0; i < n; i++)
        t += e[i].salary;
    return t;
}

int main(void)
{
    struct emp staff[4] = {
        {"ann", 31, 5000},
        {"bob", 45, 6200},
        {"cy", 23, 3100},
    };
    strcpy(staff[3].name, "dee");
    staff[3].age = 38;
    staff[3].salary = 4700;
    printf("sizeof staff = %zu, count = %zu\n", sizeof staff, sizeof staff / sizeof staff[0]);
    printf("total = %d\n", total_salary(staff, 4));

    /* array of pointers to structs, sort by age (bubble) */
    struct emp *ptrs[4];
    for (int i = 0; i < 4; i++)
        ptrs[i] = &staff[i];
    for (int i = 0; i < 4; i++)
        for (int j = 0; j + 1 < 4 - i; j++)
            if (ptrs[j]->age > ptrs[j + 1]->age) {
                struct emp *t = ptrs[j];
                ptrs[j] = ptrs[j + 1];
                ptrs[j + 1] = t;
            }
    for (int i = 0; i < 4; i++)
        printf("%-4s %2d %5d\n", ptrs[i]->name, ptrs[i]->age, (*ptrs[i]).salary);

    /* array of pointers to int */
    int a = 1, b = 2, c = 3;
    int *ip[3] = {&c, &a, &b};
    *ip[0] += 10;
    printf("c = %d, *ip[1] = %d, sizeof ip = %zu\n", c, *ip[1], sizeof ip);

    /* array of string pointers vs 2-D char array */
    const char *names[] = {"one", "three", "five"};
    char table[3][6] = {"one", "three", "five"};
    printf("sizeof names %zu, sizeof table %zu\n", sizeof names, sizeof table);
    for (int i = 0; i < 3; i++)
        printf("%s/%s len %zu\n", names[i], table[i], strlen(names[i]));
    staff[0] = staff[2];
    printf("after copy staff[0] = %s %d\n", staff[0].name, staff[0].age);
    return 0;
}
