package org.openhotline.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JitterBufferTest {
    static byte[] frame(int n) {
        return new byte[] {(byte) n};
    }

    static List<Integer> drain(JitterBuffer jb, int polls) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < polls; i++) {
            byte[] f = jb.poll();
            out.add(f == null ? -1 : (int) f[0]);
        }
        return out;
    }

    @Test
    void reorderedPacketsComeOutInSequence() {
        JitterBuffer jb = new JitterBuffer(3, 50);
        for (int seq : new int[] {10, 12, 11, 14, 13}) jb.offer(seq, frame(seq));
        assertThat(drain(jb, 5)).containsExactly(10, 11, 12, 13, 14);
    }

    @Test
    void aLostPacketLeavesAGapAndPlayoutContinues() {
        JitterBuffer jb = new JitterBuffer(2, 50);
        for (int seq : new int[] {1, 2, 4, 5, 6}) jb.offer(seq, frame(seq));
        assertThat(drain(jb, 5)).containsExactly(1, 2, -1, 4, 5);
        assertThat(jb.lost()).isEqualTo(1);
    }

    @Test
    void sequenceWrapIsNotMistakenForReordering() {
        JitterBuffer jb = new JitterBuffer(2, 50);
        for (int seq : new int[] {65534, 65535, 0, 1}) jb.offer(seq, frame(seq & 0x7F));
        assertThat(drain(jb, 4)).containsExactly(65534 & 0x7F, 65535 & 0x7F, 0, 1);
    }

    @Test
    void aPacketArrivingAfterItsSlotIsDroppedAsLate() {
        JitterBuffer jb = new JitterBuffer(1, 50);
        jb.offer(1, frame(1));
        jb.offer(3, frame(3));
        assertThat(drain(jb, 2)).containsExactly(1, -1);
        jb.offer(2, frame(2));
        assertThat(jb.late()).isEqualTo(1);
        assertThat(drain(jb, 1)).containsExactly(3);
    }

    @Test
    void waitsForPrefillBeforePlaying() {
        JitterBuffer jb = new JitterBuffer(3, 50);
        jb.offer(1, frame(1));
        jb.offer(2, frame(2));
        assertThat(jb.poll()).isNull();
        jb.offer(3, frame(3));
        assertThat(drain(jb, 3)).containsExactly(1, 2, 3);
    }
}
