package org.openhotline.telephony.media;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Our own RTP stream coming back (a peer that echoes, or a loop, RFC 3550 section 8.2) is never played, but counted,
 * and compared with what we sent under that sequence number: an intact echo proves what the peer received. The
 * last 256 payloads sent are remembered by a hash.
 */
final class EchoCheck {
    private final AtomicIntegerArray sentDigest = new AtomicIntegerArray(256);
    private final AtomicLong echoes = new AtomicLong();
    private final AtomicLong intact = new AtomicLong();

    void sent(int sequence, byte[] payload) {
        sentDigest.set(sequence & 0xFF, Arrays.hashCode(payload));
    }

    void echoed(int sequence, byte[] payload) {
        echoes.incrementAndGet();
        if (sentDigest.get(sequence & 0xFF) == Arrays.hashCode(payload)) {
            intact.incrementAndGet();
        }
    }

    long echoes() {
        return echoes.get();
    }

    long intact() {
        return intact.get();
    }
}
