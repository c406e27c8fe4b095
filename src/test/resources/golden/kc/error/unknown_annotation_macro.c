// expect: 7:19: error: expected '=', ',', ';', 'asm' or '__attribute__' before 'demo_init', with a note naming <linux/init.h> for __init
#include <linux/kernel.h>

/* <linux/init.h> (where __init and __exit are defined) was not included */
static int counter;

static int __init demo_init(void)
{
    return counter;
}

int main(void)
{
    return 0;
}
