// expect: runtime: integer division by zero (sum / count with count == 0) at 6:16 in average(), called from main() at 13:28 (second iteration); stdout so far: 'avg 25'
#include <stdio.h>

static int average(int sum, int count)
{
    return sum / count;
}

int main(void)
{
    int counts[2] = {4, 0};
    for (int i = 0; i < 2; i++)
        printf("avg %d\n", average(100, counts[i]));
    return 0;
}
