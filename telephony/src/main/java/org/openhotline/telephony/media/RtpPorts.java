package org.openhotline.telephony.media;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;

/** Hands out even RTP ports from a range, round robin, skipping ports another process holds. */
public final class RtpPorts {
    private final String bindAddress;
    private final int min;
    private final int max;
    private int next;

    public RtpPorts(String bindAddress, int min, int max) {
        this.bindAddress = bindAddress;
        this.min = min + (min & 1);
        this.max = max;
        this.next = this.min;
    }

    public synchronized MediaLeg open(String legId) throws IOException {
        int span = (max - min) / 2 + 1;
        for (int tries = 0; tries < span; tries++) {
            int port = next;
            next = next + 2 > max ? min : next + 2;
            try {
                return new MediaLeg(legId, new InetSocketAddress(bindAddress, port));
            } catch (BindException e) {
                // in use; try the next one
            }
        }
        throw new IOException("no free RTP port in " + min + "-" + max);
    }
}
