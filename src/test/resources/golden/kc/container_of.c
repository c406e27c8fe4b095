#include <stdio.h>
#include <stddef.h>

#define container_of(ptr, type, member) \
    ((type *)((char *)(ptr) - offsetof(type, member)))

struct list_head { struct list_head *next, *prev; };

#define LIST_HEAD_INIT(name) { &(name), &(name) }
#define list_entry(ptr, type, member) container_of(ptr, type, member)

static void INIT_LIST_HEAD(struct list_head *h) { h->next = h; h->prev = h; }

static void list_add_tail(struct list_head *n, struct list_head *head)
{
    struct list_head *prev = head->prev;
    n->next = head;
    n->prev = prev;
    prev->next = n;
    head->prev = n;
}

static void list_del(struct list_head *e)
{
    e->prev->next = e->next;
    e->next->prev = e->prev;
    e->next = e->prev = NULL;
}

struct task {
    int pid;
    char comm[8];
    struct list_head tasks;     /* embedded, not first member */
    int prio;
};

static struct list_head run_queue = LIST_HEAD_INIT(run_queue);

int main(void)
{
    struct task t[4] = {
        {1, "init", {0, 0}, 120},
        {42, "bash", {0, 0}, 110},
        {7, "kthread", {0, 0}, 100},
        {99, "cc1", {0, 0}, 139},
    };
    for (int i = 0; i < 4; i++)
        list_add_tail(&t[i].tasks, &run_queue);
    printf("offsetof(struct task, tasks) = %zu\n", offsetof(struct task, tasks));
    struct list_head *pos;
    for (pos = run_queue.next; pos != &run_queue; pos = pos->next) {
        struct task *tk = list_entry(pos, struct task, tasks);
        printf("pid %d comm %s prio %d\n", tk->pid, tk->comm, tk->prio);
    }
    list_del(&t[1].tasks);
    printf("after del:");
    for (pos = run_queue.prev; pos != &run_queue; pos = pos->prev)
        printf(" %d", container_of(pos, struct task, tasks)->pid);
    printf(" (reverse)\n");
    int *prio_ptr = &t[2].prio;
    struct task *owner = container_of(prio_ptr, struct task, prio);
    printf("owner of prio: %s, same object %d\n", owner->comm, owner == &t[2]);
    struct list_head empty;
    INIT_LIST_HEAD(&empty);
    printf("empty list is empty %d\n", empty.next == &empty);
    return 0;
}
