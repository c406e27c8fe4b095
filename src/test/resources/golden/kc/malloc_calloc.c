#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct rec { int id; char tag[8]; };

static int *make_range(int n)
{
    int *v = malloc(n * sizeof *v);
    for (int i = 0; i < n; i++)
        v[i] = i * 3;
    return v;
}

int main(void)
{
    int *v = make_range(10);
    int s = 0;
    for (int i = 0; i < 10; i++)
        s += v[i];
    printf("sum malloc'd range %d\n", s);
    free(v);

    int *z = calloc(8, sizeof(int));
    int nz = 0;
    for (int i = 0; i < 8; i++)
        nz += z[i] != 0;
    printf("calloc nonzero count %d\n", nz);
    free(z);

    struct rec *recs = calloc(3, sizeof(struct rec));
    for (int i = 0; i < 3; i++) {
        recs[i].id = 100 + i;
        snprintf(recs[i].tag, sizeof recs[i].tag, "r%d", i);
    }
    for (int i = 0; i < 3; i++)
        printf("rec %d %s\n", recs[i].id, recs[i].tag);
    free(recs);

    /* grow a buffer by hand (no realloc): malloc new, copy, free old */
    int cap = 2, len = 0;
    int *buf = malloc(cap * sizeof(int));
    for (int i = 0; i < 9; i++) {
        if (len == cap) {
            int *nb = malloc(2 * cap * sizeof(int));
            memcpy(nb, buf, len * sizeof(int));
            free(buf);
            buf = nb;
            cap *= 2;
            printf("grew to %d\n", cap);
        }
        buf[len++] = i * i;
    }
    printf("last %d len %d cap %d\n", buf[len - 1], len, cap);
    free(buf);

    char *str = malloc(strlen("dynamic") + 1);
    strcpy(str, "dynamic");
    str[0] = 'D';
    printf("%s\n", str);
    free(str);
    char **rows = malloc(3 * sizeof(char *));
    for (int i = 0; i < 3; i++) {
        rows[i] = calloc(4, 1);
        memset(rows[i], 'a' + i, 3);
    }
    printf("%s %s %s\n", rows[0], rows[1], rows[2]);
    for (int i = 0; i < 3; i++)
        free(rows[i]);
    free(rows);
    free(NULL);
    printf("free(NULL) ok\n");
    return 0;
}
