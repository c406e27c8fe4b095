#include <stdio.h>
#include <stdlib.h>

static void set_ptr(int **pp, int *target)
{
    *pp = target;
}

static void alloc_int(int **out, int v)
{
    *out = malloc(sizeof **out);
    **out = v;
}

struct node { int val; struct node *next; };

static void push(struct node **head, int v)
{
    struct node *n = malloc(sizeof *n);
    n->val = v;
    n->next = *head;
    *head = n;
}

static void remove_val(struct node **head, int v)
{
    struct node **pp = head;
    while (*pp) {
        if ((*pp)->val == v) {
            struct node *dead = *pp;
            *pp = dead->next;
            free(dead);
        } else {
            pp = &(*pp)->next;
        }
    }
}

int main(void)
{
    int x = 1, y = 2;
    int *p = &x;
    int **pp = &p;
    int ***ppp = &pp;
    printf("**pp = %d, ***ppp = %d\n", **pp, ***ppp);
    set_ptr(pp, &y);
    printf("after set_ptr *p = %d\n", *p);
    **pp = 20;
    printf("y = %d\n", y);
    int *h = NULL;
    alloc_int(&h, 77);
    printf("*h = %d\n", *h);
    free(h);

    struct node *list = NULL;
    for (int i = 1; i <= 6; i++)
        push(&list, i % 3);
    remove_val(&list, 1);
    for (struct node *n = list; n; n = n->next)
        printf("%d ", n->val);
    printf("\n");
    while (list) {
        struct node *nx = list->next;
        free(list);
        list = nx;
    }
    char *strs[] = {"alpha", "beta", "gamma"};
    char **sp = strs;
    printf("%s %c %c\n", *(sp + 1), **sp, *(*(sp + 2) + 3));
    return 0;
}
