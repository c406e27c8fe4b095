// expect: 7:20: error: implicit declaration of function 'kzalloc' [-Werror=implicit-function-declaration],
// with the note naming <linux/slab.h>: code built against the kernel's headers is built as Kbuild
// builds it, where an undeclared function is an error (a user program gets gcc's warning)
#include <linux/kernel.h>
static void *make(void)
{
    return (void *)kzalloc(64, 0);
}

int main(void)
{
    return make() != 0;
}
