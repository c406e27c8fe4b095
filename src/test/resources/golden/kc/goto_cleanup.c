#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int setup(int fail_at)
{
    int ret = -1;
    char *a = NULL, *b = NULL, *c = NULL;

    a = fail_at == 1 ? NULL : malloc(16);   /* simulate allocation failure */
    if (!a)
        goto out;
    strcpy(a, "A");
    b = fail_at == 2 ? NULL : malloc(16);   /* simulate allocation failure */
    if (!b)
        goto free_a;
    strcpy(b, "B");
    c = fail_at == 3 ? NULL : malloc(16);   /* simulate allocation failure */
    if (!c)
        goto free_b;
    strcpy(c, "C");
    printf("setup ok: %s%s%s\n", a, b, c);
    ret = 0;
    free(c);
free_b:
    printf("  free b\n");
    free(b);
free_a:
    printf("  free a\n");
    free(a);
out:
    printf("  setup(%d) -> %d\n", fail_at, ret);
    free(NULL);
    return ret;
}

int main(void)
{
    for (int f = 0; f <= 3; f++)
        setup(f);

    /* backward goto as a loop */
    int i = 0;
again:
    printf("again %d\n", i);
    i++;
    if (i < 3)
        goto again;

    /* goto out of nested loops */
    for (int r = 0; r < 5; r++)
        for (int c = 0; c < 5; c++)
            if (r * c == 6) {
                printf("found r=%d c=%d\n", r, c);
                goto done;
            }
    printf("not reached\n");
done:
    /* forward goto skipping code */
    goto skip;
    printf("skipped\n");
skip:
    ;
    int unused_label_value = 5;
unused:
    printf("end %d\n", unused_label_value);
    return 0;
}
