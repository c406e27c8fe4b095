#include <stdio.h>

extern int later_global;              /* declared here, defined at the bottom */
extern int later_array[];
extern const char *later_name;
int helper(int);                      /* prototype, defined later */
static int defined_after(void);

int tentative;                        /* tentative definition */
int tentative;

int main(void)
{
    printf("later_global %d\n", later_global);
    later_global += 5;
    printf("after += 5 -> %d\n", helper(0));
    printf("later_array %d %d %d\n", later_array[0], later_array[1], later_array[2]);
    printf("name %s\n", later_name);
    printf("defined_after %d\n", defined_after());
    printf("tentative %d\n", tentative);
    {
        extern int later_global;      /* block-scope extern refers to same object */
        later_global = 1;
    }
    printf("helper sees %d\n", helper(10));
    return 0;
}

int later_global = 37;
int later_array[3] = {4, 5, 6};
const char *later_name = "defined below main";

int helper(int add)
{
    return later_global + add;
}

static int defined_after(void)
{
    return later_array[2] * 7;
}
