/* spinlab's model of <linux/uidgid.h>: kuid_t and kgid_t (with the credentials, in <linux/cred.h>). */
#include <linux/cred.h>
