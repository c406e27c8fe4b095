#include <stdio.h>

static int sum(int *v, int n)       /* array decays to pointer */
{
    int s = 0;
    printf("sizeof param = %zu\n", sizeof v);
    for (int i = 0; i < n; i++)
        s += v[i];
    return s;
}

static int trace(int m[][3], int n)
{
    int t = 0;
    for (int i = 0; i < n; i++)
        t += m[i][i];
    return t;
}

static void fill(int rows, int cols, int (*m)[4])
{
    for (int r = 0; r < rows; r++)
        for (int c = 0; c < cols; c++)
            m[r][c] = r * 10 + c;
}

int main(void)
{
    int a[5] = {1, 2, 3, 4, 5};
    int b[] = {9, 8, 7};
    printf("sizeof a = %zu, elems = %zu\n", sizeof a, sizeof a / sizeof a[0]);
    printf("sizeof b = %zu\n", sizeof(b));
    printf("sum a = %d\n", sum(a, 5));
    printf("sum b+1 = %d\n", sum(b + 1, 2));

    int m[3][3] = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
    printf("sizeof m = %zu, sizeof m[0] = %zu\n", sizeof m, sizeof m[0]);
    printf("trace = %d\n", trace(m, 3));
    printf("m[1][2] = %d, *(*(m+2)+1) = %d, m[0][4] via flat = %d\n", m[1][2], *(*(m + 2) + 1), *(&m[0][0] + 4));

    int g[2][4];
    fill(2, 4, g);
    for (int r = 0; r < 2; r++) {
        for (int c = 0; c < 4; c++)
            printf("%3d", g[r][c]);
        printf("\n");
    }
    int (*row)[4] = g + 1;
    printf("row[0][3] = %d\n", (*row)[3]);
    char grid[2][6] = {"abc", "hello"};
    printf("grid: %s %s sizeof %zu\n", grid[0], grid[1], sizeof grid);
    int z[10] = {0};
    z[9] = 1;
    int nz = 0;
    for (int i = 0; i < 10; i++)
        nz += z[i] != 0;
    printf("nonzero in z: %d\n", nz);
    return 0;
}
