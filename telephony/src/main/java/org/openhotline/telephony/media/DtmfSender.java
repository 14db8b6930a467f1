package org.openhotline.telephony.media;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Sends digits as RFC 4733 telephone-events in place of audio: each digit lasts 5 frames (100 ms), the
 * end packet is sent three times, then one silent frame separates it from the next digit. Driven by the
 * mixer tick so that events share the leg's sequence numbers and clock with its audio.
 */
final class DtmfSender {
    private static final int TONE_FRAMES = 5;
    private final Queue<Character> pending = new ConcurrentLinkedQueue<>();
    private int event = -1;
    private int frame;
    private long eventTimestamp;

    void add(char digit) {
        if (DtmfReceiver.eventCode(digit) >= 0) pending.add(digit);
    }

    boolean busy() {
        return event >= 0 || !pending.isEmpty();
    }

    /**
     * The payloads to send this tick instead of audio (empty array = a gap frame, null = send audio).
     * {@code timestamp} is the leg's current RTP timestamp.
     */
    byte[][] next(long timestamp) {
        if (event < 0) {
            Character d = pending.poll();
            if (d == null) return null;
            event = DtmfReceiver.eventCode(d);
            frame = 0;
            eventTimestamp = timestamp;
        }
        frame++;
        if (frame > TONE_FRAMES) {
            event = -1; // one quiet frame between digits
            return new byte[0][];
        }
        boolean end = frame == TONE_FRAMES;
        int duration = frame * Codec.FRAME_SAMPLES;
        byte[] p = {(byte) event, (byte) ((end ? 0x80 : 0) | 10), (byte) (duration >> 8), (byte) duration};
        return end ? new byte[][] {p, p, p} : new byte[][] {p};
    }

    long eventTimestamp() {
        return eventTimestamp;
    }

    boolean startOfEvent() {
        return frame == 1;
    }
}
