#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NBUCKETS 7

struct entry {
    char *key;
    int value;
    struct entry *next;
};

struct table {
    struct entry *buckets[NBUCKETS];
    int count;
};

static unsigned hash(const char *s)
{
    unsigned h = 5381;
    while (*s)
        h = h * 33 + (unsigned char)*s++;
    return h;
}

static struct entry *lookup(struct table *t, const char *key)
{
    for (struct entry *e = t->buckets[hash(key) % NBUCKETS]; e; e = e->next)
        if (strcmp(e->key, key) == 0)
            return e;
    return NULL;
}

static void put(struct table *t, const char *key, int value)
{
    struct entry *e = lookup(t, key);
    if (e) {
        e->value = value;
        return;
    }
    unsigned b = hash(key) % NBUCKETS;
    e = malloc(sizeof *e);
    e->key = malloc(strlen(key) + 1);
    strcpy(e->key, key);
    e->value = value;
    e->next = t->buckets[b];
    t->buckets[b] = e;
    t->count++;
}

static int del(struct table *t, const char *key)
{
    struct entry **pp = &t->buckets[hash(key) % NBUCKETS];
    for (; *pp; pp = &(*pp)->next) {
        if (strcmp((*pp)->key, key) == 0) {
            struct entry *dead = *pp;
            *pp = dead->next;
            free(dead->key);
            free(dead);
            t->count--;
            return 1;
        }
    }
    return 0;
}

int main(void)
{
    struct table t = {{0}, 0};
    const char *words[] = {"open", "read", "write", "close", "ioctl", "mmap", "poll", "read", "open", "llseek"};
    for (int i = 0; i < 10; i++) {
        struct entry *e = lookup(&t, words[i]);
        put(&t, words[i], e ? e->value + 1 : 1);
    }
    printf("count %d\n", t.count);
    printf("hash(\"open\") = %u bucket %u\n", hash("open"), hash("open") % NBUCKETS);
    for (int b = 0; b < NBUCKETS; b++) {
        printf("bucket %d:", b);
        for (struct entry *e = t.buckets[b]; e; e = e->next)
            printf(" %s=%d", e->key, e->value);
        printf("\n");
    }
    int d1 = del(&t, "read");
    int d2 = del(&t, "nope");
    printf("del read %d, del nope %d, count %d\n", d1, d2, t.count);
    printf("lookup read %s, lookup open %d\n", lookup(&t, "read") ? "found" : "missing", lookup(&t, "open")->value);
    for (int b = 0; b < NBUCKETS; b++)
        while (t.buckets[b]) {
            struct entry *e = t.buckets[b];
            t.buckets[b] = e->next;
            free(e->key);
            free(e);
        }
    printf("freed all\n");
    return 0;
}
