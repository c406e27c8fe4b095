/* atomic_inc() from two CPUs never loses an increment; a plain ++ on the same path does. */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/atomic.h>
#include <linux/bitops.h>
#include <linux/completion.h>
#include <linux/kthread.h> /* kthread_run(); includes <linux/sched.h> */

#define LOOPS 1500

static atomic_t counter = ATOMIC_INIT(0);
static int plain;
static DECLARE_COMPLETION(finished);
static int started;

static int incrementer(void *unused)
{
    int i;
    started++;
    while (started < 2)
        cpu_relax();
    for (i = 0; i < LOOPS; i++) {
        atomic_inc(&counter);
        plain++;
    }
    printk("%s ran on CPU %d\n", current->comm, smp_processor_id());
    complete(&finished);
    return 0;
}

static int atomic_init_fn(void)
{
    atomic_t v = ATOMIC_INIT(5);
    unsigned long bits[2] = { 0, 0 };
    int a, b, c, d, e, f, g, h;

    kthread_run(incrementer, NULL, "inc1");
    kthread_run(incrementer, NULL, "inc2");
    wait_for_completion(&finished);
    wait_for_completion(&finished);
    printk("atomic counter %d of %d, plain counter %d\n", atomic_read(&counter), 2 * LOOPS, plain);

    a = atomic_cmpxchg(&v, 5, 7);
    b = atomic_cmpxchg(&v, 5, 9);
    c = atomic_xchg(&v, 1);
    d = atomic_dec_and_test(&v);
    printk("cmpxchg %d %d xchg %d dec_and_test %d value %d\n", a, b, c, d, atomic_read(&v));
    a = atomic_add_return(10, &v);
    b = atomic_sub_return(3, &v);
    c = atomic_fetch_add(4, &v);
    d = atomic_inc_return(&v);
    e = atomic_dec_return(&v);
    printk("add_return %d sub_return %d fetch_add %d inc_return %d dec_return %d value %d\n",
           a, b, c, d, e, atomic_read(&v));
    f = test_and_set_bit(33, bits);
    g = test_and_set_bit(33, bits);
    h = test_bit(33, bits);
    printk("test_and_set_bit %d %d test_bit %d bits %lx %lx\n", f, g, h, bits[0], bits[1]);
    set_bit(70, bits);
    clear_bit(33, bits);
    printk("after set_bit(70) clear_bit(33): %lx %lx test_bit(70) %d\n", bits[0], bits[1], test_bit(70, bits));
    return 0;
}
module_init(atomic_init_fn);
