package dev.spinlab.kernel;

import dev.spinlab.machine.MachineState;

/**
 * The model NIC behind eth0 (drivers/net/spinlab_nic.c): its irq line and the receive ring
 * its DMA writes, laid out in kernel memory at the global {@code spinlab_nic_hw} as the
 * driver reads it (head, tail, a length per slot, then the slots).
 */
public final class SpinlabNic {
    public static final int IRQ = 19;
    static final int RING = 16;
    static final int BUF = 256;
    static final int RX_LEN = 8;
    static final int RX_BUF = 8 + 4 * RING;
    /** Bytes of eth0's hardware area that the NIC's DMA reads and writes. */
    public static final long HW_BYTES = RX_BUF + (long) RING * BUF;

    private SpinlabNic() {}

    /**
     * The NIC's DMA: writes a frame into the next free slot of the receive ring at hw and
     * advances the head; false when the ring is full (the frame is dropped, as hardware does).
     */
    public static boolean receive(MachineState s, long hw, byte[] frame) {
        long head = s.mem.load(hw, 4, false);
        long tail = s.mem.load(hw + 4, 4, false);
        if (head - tail >= RING) {
            return false;
        }
        int slot = (int) (head % RING);
        long buf = hw + RX_BUF + (long) slot * BUF;
        for (int i = 0; i < frame.length; i++) {
            s.mem.store(buf + i, 1, frame[i]);
        }
        s.mem.store(hw + RX_LEN + 4L * slot, 4, frame.length);
        s.mem.store(hw, 4, head + 1);
        return true;
    }
}
