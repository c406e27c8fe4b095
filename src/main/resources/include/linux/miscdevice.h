/* spinlab's model of <linux/miscdevice.h>: single-node character devices on major 10. */
#ifndef _SPINLAB_LINUX_MISCDEVICE_H
#define _SPINLAB_LINUX_MISCDEVICE_H

#include <linux/types.h>
#include <linux/fs.h>
#include <linux/list.h>
#include <linux/device.h>

#define MISC_MAJOR 10

/* some of the fixed minors include/linux/miscdevice.h assigns (Documentation/admin-guide/devices.txt) */
#define PSMOUSE_MINOR 1
#define WATCHDOG_MINOR 130
#define TEMP_MINOR 131
#define APM_MINOR_DEV 134
#define RTC_MINOR 135
#define NVRAM_MINOR 144
#define HWRNG_MINOR 183
#define TUN_MINOR 200
#define UINPUT_MINOR 223
#define HPET_MINOR 228
#define FUSE_MINOR 229
#define MISC_DYNAMIC_MINOR 255

struct miscdevice {
    int minor;
    const char *name;
    const struct file_operations *fops;
    struct list_head list;
    struct device *parent;
    struct device *this_device;
    const struct attribute_group **groups;
    const char *nodename;
    umode_t mode;
};

int misc_register(struct miscdevice *misc);
void misc_deregister(struct miscdevice *misc);

/*
 * module_misc_device(): a module whose init and exit only register and deregister one misc
 * device (include/linux/miscdevice.h, over module_driver() of include/linux/device/driver.h).
 */
#define module_misc_device(__misc_device) \
    static int __init __misc_device##_init(void) { return misc_register(&(__misc_device)); } \
    module_init(__misc_device##_init); \
    static void __exit __misc_device##_exit(void) { misc_deregister(&(__misc_device)); } \
    module_exit(__misc_device##_exit)

#endif
