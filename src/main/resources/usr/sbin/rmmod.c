/*
 * spinlab's rmmod: removes the modules named on its command line, in that order, with
 * delete_module(2) as kmod's rmmod does (O_NONBLOCK), and words its errors as kmod does.
 * At the end of a run the machine has it remove every loaded module in reverse load order
 * (docs/kernel.md, "When a run ends").
 */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <asm/unistd.h>

long __spinlab_syscall(long nr, long a0, long a1, long a2, long a3, long a4, long a5);

#define O_NONBLOCK 04000

int main(int argc, char **argv)
{
    int i;
    int status = 0;
    for (i = 1; i < argc; i++) {
        long r = __spinlab_syscall(__NR_delete_module, (long)argv[i], O_NONBLOCK, 0, 0, 0, 0);
        if (r == -ENOENT) {
            printf("rmmod: ERROR: Module %s is not currently loaded\n", argv[i]);
            status = 1;
        } else if (r == -EBUSY) {
            /* in use, or a module_init without module_exit: it cannot be unloaded */
            printf("rmmod: ERROR: could not remove module %s: Device or resource busy\n", argv[i]);
            status = 1;
        } else if (r < 0) {
            printf("rmmod: ERROR: could not remove module %s: error %ld\n", argv[i], -r);
            status = 1;
        }
    }
    return status;
}
