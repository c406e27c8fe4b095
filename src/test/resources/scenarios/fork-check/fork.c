/*
 * A program that forks once; parent and child each print a line and exit. check used to
 * report a false "invalid memory access ... at kernel/fork.c" here: the kernel's Java side
 * read the child's task_struct (comm, pid) from the booted state, where a task forked on an
 * explored path does not exist (issue 18). run and check must agree that this is clean.
 */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	int pid = fork();

	printf("hello from the %s\n", pid == 0 ? "child" : "parent");
	return 0;
}
