#include <stdio.h>

enum color { RED, GREEN, BLUE };
enum level { LOW = 10, MID, HIGH = 20, MAX };
enum flags { F_READ = 1 << 0, F_WRITE = 1 << 1, F_EXEC = 1 << 2, F_ALL = F_READ | F_WRITE | F_EXEC };
enum { ANON_A = -3, ANON_B, ANON_C };
typedef enum { S_IDLE, S_RUN = 5, S_DONE } state_t;

static const char *color_name(enum color c)
{
    switch (c) {
    case RED:   return "red";
    case GREEN: return "green";
    case BLUE:  return "blue";
    default:    return "?";
    }
}

static int perms(int f)
{
    int n = 0;
    if (f & F_READ) n += printf("r");
    if (f & F_WRITE) n += printf("w");
    if (f & F_EXEC) n += printf("x");
    printf("\n");
    return n;
}

int main(void)
{
    printf("RED %d GREEN %d BLUE %d\n", RED, GREEN, BLUE);
    printf("LOW %d MID %d HIGH %d MAX %d\n", LOW, MID, HIGH, MAX);
    printf("F_ALL %d ANON %d %d %d\n", F_ALL, ANON_A, ANON_B, ANON_C);
    for (enum color c = RED; c <= BLUE; c++)
        printf("%d -> %s\n", c, color_name(c));
    printf("cast 7 -> %s\n", color_name((enum color)7));
    printf("perms printed %d chars\n", perms(F_READ | F_EXEC));
    state_t st = S_IDLE;
    for (int step = 0; step < 4; step++) {
        switch (st) {
        case S_IDLE: printf("idle\n"); st = S_RUN; break;
        case S_RUN:  printf("run (%d)\n", st); st = S_DONE; break;
        case S_DONE: printf("done (%d)\n", st); st = S_IDLE; break;
        }
    }
    printf("sizeof(enum color) = %zu\n", sizeof(enum color));
    enum level lv = MID;
    lv = lv + 1;
    printf("MID+1 = %d, == HIGH? %d\n", lv, lv == HIGH);
    int arr[MAX - HIGH + 1] = {0};
    printf("array sized by enum: %zu\n", sizeof arr / sizeof arr[0]);
    return 0;
}
