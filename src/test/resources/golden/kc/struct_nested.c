#include <stdio.h>
#include <string.h>

struct point { int x, y; };
struct rect { struct point tl, br; char label[8]; };
struct shape {
    int id;
    struct rect bounds;
    struct { int r, g, b; } color;
};

static int area(const struct rect *r)
{
    return (r->br.x - r->tl.x) * (r->br.y - r->tl.y);
}

static void move(struct rect *r, int dx, int dy)
{
    r->tl.x += dx; r->tl.y += dy;
    r->br.x += dx; r->br.y += dy;
}

int main(void)
{
    struct shape s;
    memset(&s, 0, sizeof s);
    s.id = 7;
    s.bounds.tl.x = 1; s.bounds.tl.y = 2;
    s.bounds.br.x = 11; s.bounds.br.y = 7;
    strcpy(s.bounds.label, "box");
    s.color.r = 255; s.color.g = 128;
    printf("area %d label %s color %d,%d,%d\n", area(&s.bounds), s.bounds.label, s.color.r, s.color.g, s.color.b);
    struct shape *sp = &s;
    move(&sp->bounds, 5, -2);
    printf("moved: (%d,%d)-(%d,%d)\n", sp->bounds.tl.x, sp->bounds.tl.y, (*sp).bounds.br.x, sp->bounds.br.y);
    /* struct assignment copies, including arrays inside */
    struct shape copy;
    copy = s;
    copy.bounds.label[0] = 'B';
    copy.bounds.tl.x = 100;
    printf("orig label %s tl.x %d | copy label %s tl.x %d\n", s.bounds.label, s.bounds.tl.x, copy.bounds.label, copy.bounds.tl.x);
    struct point p1 = {3, 4}, p2;
    p2 = p1;
    p1.x = 30;
    printf("p1 (%d,%d) p2 (%d,%d)\n", p1.x, p1.y, p2.x, p2.y);
    struct rect r2 = s.bounds;
    printf("r2 area %d\n", area(&r2));
    struct point *pp = &s.bounds.br;
    pp->y *= 2;
    printf("through inner pointer: br.y %d\n", s.bounds.br.y);
    struct shape arr[2];
    arr[0] = s;
    arr[1] = arr[0];
    arr[1].id++;
    printf("arr ids %d %d\n", arr[0].id, arr[1].id);
    printf("memcmp copies equal: %d\n", memcmp(&arr[0].bounds, &s.bounds, sizeof s.bounds) == 0);
    return 0;
}
