#include <stdio.h>
#include <unistd.h>

int shared_global = 10;

int main(void)
{
    int local = 5;
    int *p = &local;
    int pid = fork();
    if (pid == 0) {
        *p += 100;
        shared_global += 1;
        printf("child: pid %d local %d via pointer %d\n", getpid(), local, *p);
        return 3;
    }
    sleep(1);
    printf("parent: child pid %d, my local %d\n", pid, local);
    return 0;
}
