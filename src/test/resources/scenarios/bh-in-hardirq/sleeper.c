/* sleeper: sleeps 1 ms and exits, so an interrupt can find either it or the idle task. */
#include <unistd.h>

int main(void)
{
	usleep(1000);
	return 0;
}
