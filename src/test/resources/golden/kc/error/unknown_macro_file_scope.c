// expect: 8:8: error: unknown macro 'DEFINE_MUTEX' (the model has it in <linux/mutex.h>, which is not included)
#include <linux/kernel.h>

/* A driver that forgot <linux/mutex.h>: at file scope the macro would otherwise read as an
 * old-style function declaration, and the error would be about K&R parameters. */
static int counter;

static DEFINE_MUTEX(counter_lock);

int main(void)
{
    return counter;
}
