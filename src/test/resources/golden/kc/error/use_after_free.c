// expect: runtime: use after free (read of n->val, freed at 13:5) at 14:36 in main(); stdout so far: 'val 5'
#include <stdio.h>
#include <stdlib.h>

struct node { int val; struct node *next; };

int main(void)
{
    struct node *n = malloc(sizeof *n);
    n->val = 5;
    n->next = NULL;
    printf("val %d\n", n->val);
    free(n);
    printf("val after free %d\n", n->val);
    return 0;
}
