// expect: 7:5: error: unknown type name 'wait_queue_head_t', with a note naming <linux/wait.h>
#include <linux/kernel.h>

struct my_dev {
    int ready;
    /* wait.h was never included */
    wait_queue_head_t readers;
};

int main(void)
{
    return 0;
}
