/* A program that is done long before the device has raised its interrupts. */
#include <stdio.h>

int main(void)
{
    printf("done\n");
    return 0;
}
