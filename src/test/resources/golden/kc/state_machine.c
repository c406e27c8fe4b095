#include <stdio.h>

enum state { ST_CLOSED, ST_OPENING, ST_OPEN, ST_CLOSING, ST_ERROR, NSTATES };
enum event { EV_OPEN, EV_DONE, EV_CLOSE, EV_FAIL, NEVENTS };

static const char *const state_names[NSTATES] = {
    [ST_CLOSED] = "CLOSED", [ST_OPENING] = "OPENING", [ST_OPEN] = "OPEN",
    [ST_CLOSING] = "CLOSING", [ST_ERROR] = "ERROR",
};
static const char *const event_names[] = { "open", "done", "close", "fail" };

struct machine;
typedef enum state (*handler_t)(struct machine *m, enum event ev);

struct state_ops {
    handler_t on_event;
    void (*enter)(struct machine *m);
};

struct machine {
    enum state cur;
    int transitions;
    int opens;
    const struct state_ops *ops;
};

static enum state closed_ev(struct machine *m, enum event ev) { return ev == EV_OPEN ? ST_OPENING : ST_CLOSED; }
static enum state opening_ev(struct machine *m, enum event ev)
{
    switch (ev) {
    case EV_DONE: return ST_OPEN;
    case EV_FAIL: return ST_ERROR;
    default:      return ST_OPENING;
    }
}
static enum state open_ev(struct machine *m, enum event ev) { return ev == EV_CLOSE ? ST_CLOSING : ev == EV_FAIL ? ST_ERROR : ST_OPEN; }
static enum state closing_ev(struct machine *m, enum event ev) { return ev == EV_DONE ? ST_CLOSED : ST_CLOSING; }
static enum state error_ev(struct machine *m, enum event ev) { return ev == EV_CLOSE ? ST_CLOSED : ST_ERROR; }
static void open_enter(struct machine *m) { m->opens++; printf("    (entered OPEN #%d)\n", m->opens); }

static const struct state_ops table[NSTATES] = {
    [ST_CLOSED]  = { .on_event = closed_ev },
    [ST_OPENING] = { .on_event = opening_ev },
    [ST_OPEN]    = { .on_event = open_ev, .enter = open_enter },
    [ST_CLOSING] = { .on_event = closing_ev },
    [ST_ERROR]   = { .on_event = error_ev },
};

static void dispatch(struct machine *m, enum event ev)
{
    enum state next = m->ops[m->cur].on_event(m, ev);
    printf("%-8s --%-5s--> %s\n", state_names[m->cur], event_names[ev], state_names[next]);
    if (next != m->cur) {
        m->transitions++;
        m->cur = next;
        if (m->ops[next].enter)
            m->ops[next].enter(m);
    }
}

int main(void)
{
    struct machine m = { ST_CLOSED, 0, 0, table };
    enum event script[] = { EV_CLOSE, EV_OPEN, EV_DONE, EV_CLOSE, EV_DONE, EV_OPEN, EV_FAIL, EV_OPEN, EV_CLOSE, EV_OPEN, EV_DONE };
    for (unsigned i = 0; i < sizeof script / sizeof script[0]; i++)
        dispatch(&m, script[i]);
    printf("final %s transitions %d opens %d\n", state_names[m.cur], m.transitions, m.opens);
    return 0;
}
