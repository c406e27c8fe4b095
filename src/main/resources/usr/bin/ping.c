/*
 * spinlab's built-in ping: `ping [-c COUNT] [-i SECONDS] [-W SECONDS] ADDRESS`, an ICMP echo
 * client over a raw socket (socket(AF_INET, SOCK_RAW, IPPROTO_ICMP)), printing what iputils'
 * ping prints. Times come from the simulated clock (clock_gettime); no floating point, so
 * milliseconds are printed from integer microseconds. A reply is awaited for -W seconds
 * (default 1) through SO_RCVTIMEO; the raw socket also sees other ICMP traffic (on 127.0.0.1
 * its own echo request), which is skipped as ping does.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include <time.h>
#include <sys/time.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/ip.h>
#include <netinet/ip_icmp.h>
#include <arpa/inet.h>

#define DATALEN 56

static long now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000000000L + ts.tv_nsec;
}

static unsigned short in_cksum(const unsigned char *p, int len)
{
    unsigned long sum = 0;
    int i;
    for (i = 0; i + 1 < len; i += 2)
        sum += p[i] | (p[i + 1] << 8);      /* little-endian words; the result is stored as is */
    if (len & 1)
        sum += p[len - 1];
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    return (unsigned short)~sum;
}

static long isqrt(long v)
{
    long r = 0;
    while ((r + 1) * (r + 1) <= v)
        r++;
    return r;
}

static void print_ms(long us)
{
    printf("%ld.%03ld", us / 1000, us % 1000);
}

static void usage(void)
{
    printf("Usage: ping [-c count] [-i interval] [-W timeout] destination\n");
    exit(2);
}

int main(int argc, char **argv)
{
    long count = -1;
    long interval = 1;
    long wait = 1;
    const char *target = NULL;
    struct sockaddr_in to;
    struct timeval tv;
    unsigned char packet[8 + DATALEN];
    unsigned char buf[1024];
    char addr[INET_ADDRSTRLEN];
    int id = getpid() & 0xffff;
    long sent = 0;
    long received = 0;
    long tmin = 0;
    long tmax = 0;
    long tsum = 0;
    long tsum2 = 0;
    long start;
    long seq;
    int fd;
    int i;

    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-c") == 0 && i + 1 < argc)
            count = atoi(argv[++i]);
        else if (strcmp(argv[i], "-i") == 0 && i + 1 < argc)
            interval = atoi(argv[++i]);
        else if (strcmp(argv[i], "-W") == 0 && i + 1 < argc)
            wait = atoi(argv[++i]);
        else if (argv[i][0] == '-')
            usage();
        else
            target = argv[i];
    }
    if (!target)
        usage();
    if (count < 0)
        count = 3;     /* the real ping runs until interrupted; a simulation needs an end */

    memset(&to, 0, sizeof(to));
    to.sin_family = AF_INET;
    if (!inet_aton(target, &to.sin_addr)) {
        printf("ping: %s: Name or service not known\n", target);
        return 2;
    }
    fd = socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
    if (fd < 0) {
        perror("ping: socket");
        return 2;
    }
    tv.tv_sec = wait;
    tv.tv_usec = 0;
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));

    inet_ntop(AF_INET, &to.sin_addr, addr, sizeof(addr));
    printf("PING %s (%s) %d(%d) bytes of data.\n", target, addr, DATALEN, DATALEN + 8 + 20);
    start = now_ns();
    for (seq = 1; seq <= count; seq++) {
        struct icmphdr *icp = (struct icmphdr *)packet;
        long t0;
        long deadline;

        if (seq > 1)
            sleep(interval);
        memset(packet, 0, sizeof(packet));
        icp->type = ICMP_ECHO;
        icp->code = 0;
        icp->un.echo.id = htons(id);
        icp->un.echo.sequence = htons(seq);
        for (i = 8; i < 8 + DATALEN; i++)
            packet[i] = i;
        icp->checksum = in_cksum(packet, sizeof(packet));
        t0 = now_ns();
        if (sendto(fd, packet, sizeof(packet), 0, (struct sockaddr *)&to, sizeof(to)) < 0) {
            perror("ping: sendto");
            continue;
        }
        sent++;
        deadline = t0 + wait * 1000000000L;
        while (now_ns() < deadline) {
            struct sockaddr_in from;
            socklen_t fromlen = sizeof(from);
            struct iphdr *ip;
            struct icmphdr *reply;
            long n = recvfrom(fd, buf, sizeof(buf), 0, (struct sockaddr *)&from, &fromlen);
            long us;
            int hlen;

            if (n < 0)
                break;                      /* timed out */
            ip = (struct iphdr *)buf;
            hlen = IPH_IHL(ip) * 4;
            reply = (struct icmphdr *)(buf + hlen);
            if (n < hlen + 8 || reply->type != ICMP_ECHOREPLY || ntohs(reply->un.echo.id) != id
                || ntohs(reply->un.echo.sequence) != seq)
                continue;                   /* not ours: our own request on lo, or another ping's */
            us = (now_ns() - t0) / 1000;
            received++;
            if (received == 1 || us < tmin)
                tmin = us;
            if (us > tmax)
                tmax = us;
            tsum += us;
            tsum2 += us * us;
            inet_ntop(AF_INET, &from.sin_addr, addr, sizeof(addr));
            printf("%ld bytes from %s: icmp_seq=%ld ttl=%d time=", n - hlen, addr, seq, ip->ttl);
            print_ms(us);
            printf(" ms\n");
            break;
        }
    }

    printf("\n--- %s ping statistics ---\n", target);
    printf("%ld packets transmitted, %ld received, %ld%% packet loss, time %ldms\n", sent, received,
           sent ? (sent - received) * 100 / sent : 0, (now_ns() - start) / 1000000);
    if (received) {
        long avg = tsum / received;
        long mdev = isqrt(tsum2 / received - avg * avg);
        printf("rtt min/avg/max/mdev = ");
        print_ms(tmin);
        printf("/");
        print_ms(avg);
        printf("/");
        print_ms(tmax);
        printf("/");
        print_ms(mdev);
        printf(" ms\n");
    }
    close(fd);
    return received ? 0 : 1;
}
