/*
 * spinlab's model of arch/x86/include/generated/uapi/asm/unistd_64.h: the system call numbers
 * of x86-64, shared by the kernel's syscall table and the user-space C library.
 */
#ifndef _SPINLAB_ASM_UNISTD_H
#define _SPINLAB_ASM_UNISTD_H

#define __NR_read 0
#define __NR_write 1
#define __NR_open 2
#define __NR_close 3
#define __NR_poll 7
#define __NR_lseek 8
#define __NR_ioctl 16
#define __NR_nanosleep 35
#define __NR_getpid 39
#define __NR_socket 41
#define __NR_sendto 44
#define __NR_recvfrom 45
#define __NR_setsockopt 54
#define __NR_fork 57
#define __NR_exit 60
#define __NR_gettimeofday 96
#define __NR_mknod 133
#define __NR_delete_module 176
#define __NR_clock_gettime 228
#define __NR_exit_group 231

#endif
