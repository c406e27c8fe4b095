#include <stdio.h>
#include <stdlib.h>

struct node {
    int value;
    struct node *next;
};

static struct node *new_node(int v)
{
    struct node *n = malloc(sizeof(struct node));
    if (!n)
        exit(1);
    n->value = v;
    n->next = NULL;
    return n;
}

static struct node *append(struct node *head, int v)
{
    struct node *n = new_node(v);
    if (!head)
        return n;
    struct node *cur = head;
    while (cur->next)
        cur = cur->next;
    cur->next = n;
    return head;
}

static struct node *reverse(struct node *head)
{
    struct node *prev = NULL;
    while (head) {
        struct node *next = head->next;
        head->next = prev;
        prev = head;
        head = next;
    }
    return prev;
}

static void print(const char *tag, const struct node *n)
{
    printf("%s:", tag);
    for (; n != NULL; n = n->next)
        printf(" %d", n->value);
    printf("\n");
}

static int length(const struct node *n)
{
    return n ? 1 + length(n->next) : 0;
}

static void free_list(struct node *n)
{
    int freed = 0;
    while (n) {
        struct node *t = n;
        n = n->next;
        free(t);
        freed++;
    }
    printf("freed %d nodes\n", freed);
}

int main(void)
{
    struct node *list = NULL;
    for (int i = 1; i <= 5; i++)
        list = append(list, i * 11);
    print("built", list);
    printf("length %d\n", length(list));
    list = reverse(list);
    print("reversed", list);
    /* delete the second node */
    struct node *second = list->next;
    list->next = second->next;
    free(second);
    print("deleted 2nd", list);
    free_list(list);
    return 0;
}
