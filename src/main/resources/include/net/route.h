/* spinlab's model of <net/route.h>: see <net/dst.h>. */
#ifndef _SPINLAB_NET_ROUTE_H
#define _SPINLAB_NET_ROUTE_H
#include <net/dst.h>
#endif
