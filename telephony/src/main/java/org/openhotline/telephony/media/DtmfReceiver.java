package org.openhotline.telephony.media;

import java.util.function.Consumer;

/**
 * Turns RFC 4733 telephone-event packets into digits. A sender repeats the end packet three times and
 * may repeat the whole event, so a digit is reported once per event timestamp; a replayed recording
 * (sipp plays the same pcap for every press) reuses timestamps, so an event seen again after a pause is a
 * new press.
 */
final class DtmfReceiver {
    private static final String EVENTS = "0123456789*#ABCD";
    private static final long SAME_EVENT_NANOS = 300_000_000L;
    private long lastTimestamp = -1;
    private long lastAt;

    void onPacket(RtpPacket p, long nowNanos, Consumer<Character> digits) {
        byte[] d = p.payload();
        if (d.length < 4) return;
        int event = d[0] & 0xFF;
        boolean end = (d[1] & 0x80) != 0;
        if (event >= EVENTS.length()) return;
        boolean sameEvent = p.timestamp() == lastTimestamp && nowNanos - lastAt < SAME_EVENT_NANOS;
        if (sameEvent) {
            lastAt = nowNanos;
            return;
        }
        if (!end && d.length >= 4 && (((d[2] & 0xFF) << 8) | (d[3] & 0xFF)) == 0) return;
        lastTimestamp = p.timestamp();
        lastAt = nowNanos;
        digits.accept(EVENTS.charAt(event));
    }

    static int eventCode(char digit) {
        return EVENTS.indexOf(Character.toUpperCase(digit));
    }
}
