package dev.spinlab.kernel;

/*
 * Implementation notes.
 *
 * The machine's side of eth0: the frames the model NIC receives from its peer (10.0.0.2,
 * 02:00:00:00:00:02) and the one-line description of frames it sends, in tcpdump's words.
 * Frames are Ethernet II with IPv4; multi-byte fields in network byte order.
 */
final class NetPackets {
    static final int ECHO_ID = 0x0bad;
    static final int DATA_LEN = 56;

    private NetPackets() {}

    /** An ICMP echo request from 10.0.0.2 to 10.0.0.1 (eth0), sequence seq: 98 bytes. */
    static byte[] echoRequestToEth0(int seq) {
        byte[] f = new byte[14 + 20 + 8 + DATA_LEN];
        byte[] dst = {2, 0, 0, 0, 0, 1};
        byte[] src = {2, 0, 0, 0, 0, 2};
        System.arraycopy(dst, 0, f, 0, 6);
        System.arraycopy(src, 0, f, 6, 6);
        put16(f, 12, 0x0800);
        int ip = 14;
        f[ip] = 0x45;
        put16(f, ip + 2, 20 + 8 + DATA_LEN);
        put16(f, ip + 4, 0x4000 + seq);     // id
        put16(f, ip + 6, 0x4000);           // DF
        f[ip + 8] = 64;
        f[ip + 9] = 1;                      // ICMP
        byte[] saddr = {10, 0, 0, 2};
        byte[] daddr = {10, 0, 0, 1};
        System.arraycopy(saddr, 0, f, ip + 12, 4);
        System.arraycopy(daddr, 0, f, ip + 16, 4);
        put16(f, ip + 10, checksum(f, ip, 20));
        int icmp = ip + 20;
        f[icmp] = 8;                        // echo request
        put16(f, icmp + 4, ECHO_ID);
        put16(f, icmp + 6, seq);
        for (int i = 0; i < DATA_LEN; i++) {
            f[icmp + 8 + i] = (byte) (0x10 + i);
        }
        put16(f, icmp + 2, checksum(f, icmp, 8 + DATA_LEN));
        return f;
    }

    /** tcpdump-style: {@code 10.0.0.1 > 10.0.0.2: ICMP echo reply, id 2989, seq 1, length 64}. */
    static String describe(byte[] f) {
        if (f.length < 14 + 20 || get16(f, 12) != 0x0800) {
            return "non-IP frame, length " + f.length;
        }
        int ip = 14;
        int ihl = (f[ip] & 0x0f) * 4;
        String s = addr(f, ip + 12) + " > " + addr(f, ip + 16) + ": ";
        int len = get16(f, ip + 2) - ihl;
        if ((f[ip + 9] & 0xff) != 1 || f.length < ip + ihl + 8) {
            return s + "ip-proto-" + (f[ip + 9] & 0xff) + ", length " + len;
        }
        int icmp = ip + ihl;
        int type = f[icmp] & 0xff;
        String what = type == 0 ? "echo reply" : type == 8 ? "echo request" : "type " + type;
        return s + "ICMP " + what + ", id " + get16(f, icmp + 4) + ", seq " + get16(f, icmp + 6) + ", length " + len;
    }

    private static String addr(byte[] f, int o) {
        return (f[o] & 0xff) + "." + (f[o + 1] & 0xff) + "." + (f[o + 2] & 0xff) + "." + (f[o + 3] & 0xff);
    }

    private static void put16(byte[] f, int o, int v) {
        f[o] = (byte) (v >>> 8);
        f[o + 1] = (byte) v;
    }

    private static int get16(byte[] f, int o) {
        return ((f[o] & 0xff) << 8) | (f[o + 1] & 0xff);
    }

    static int checksum(byte[] f, int off, int len) {
        long sum = 0;
        for (int i = 0; i + 1 < len; i += 2) {
            sum += get16(f, off + i);
        }
        if ((len & 1) != 0) {
            sum += (f[off + len - 1] & 0xff) << 8;
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (int) (~sum & 0xffff);
    }
}
