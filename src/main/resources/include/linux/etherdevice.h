/* spinlab's model of <linux/etherdevice.h>. */
#ifndef _SPINLAB_LINUX_ETHERDEVICE_H
#define _SPINLAB_LINUX_ETHERDEVICE_H

#include <linux/netdevice.h>
#include <linux/if_ether.h>

#endif
