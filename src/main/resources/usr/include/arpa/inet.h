/* spinlab's model of <arpa/inet.h>: address conversions. */
#ifndef _SPINLAB_ARPA_INET_H
#define _SPINLAB_ARPA_INET_H

#include <netinet/in.h>

in_addr_t inet_addr(const char *cp);
int inet_aton(const char *cp, struct in_addr *inp);
int inet_pton(int af, const char *src, void *dst);
const char *inet_ntop(int af, const void *src, char *dst, socklen_t size);
/* inet_ntoa() takes a struct by value, which the engine does not support: use inet_ntop(). */

#endif
