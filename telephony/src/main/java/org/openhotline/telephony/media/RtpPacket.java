package org.openhotline.telephony.media;

import java.nio.ByteBuffer;

/** One RTP packet (RFC 3550) without CSRCs or extensions on send; both are skipped on receive. */
public record RtpPacket(int payloadType, boolean marker, int sequence, long timestamp, long ssrc, byte[] payload) {

    /** Parses a datagram; returns null for anything that is not RTP version 2 (RTCP, STUN, garbage). */
    public static RtpPacket parse(ByteBuffer buf) {
        int len = buf.remaining();
        if (len < 12) return null;
        int b0 = buf.get() & 0xFF;
        if ((b0 >> 6) != 2) return null;
        int b1 = buf.get() & 0xFF;
        int pt = b1 & 0x7F;
        if (pt >= 72 && pt <= 76) return null; // RTCP multiplexed on the same port
        int seq = buf.getShort() & 0xFFFF;
        long ts = buf.getInt() & 0xFFFFFFFFL;
        long ssrc = buf.getInt() & 0xFFFFFFFFL;
        int skip = (b0 & 0x0F) * 4;
        if (buf.remaining() < skip) return null;
        buf.position(buf.position() + skip);
        if ((b0 & 0x10) != 0) {
            if (buf.remaining() < 4) return null;
            buf.getShort();
            int extWords = buf.getShort() & 0xFFFF;
            if (buf.remaining() < extWords * 4) return null;
            buf.position(buf.position() + extWords * 4);
        }
        int payloadLen = buf.remaining();
        if ((b0 & 0x20) != 0 && payloadLen > 0) {
            int pad = buf.get(buf.limit() - 1) & 0xFF;
            payloadLen = Math.max(0, payloadLen - pad);
        }
        byte[] payload = new byte[payloadLen];
        buf.get(payload);
        return new RtpPacket(pt, (b1 & 0x80) != 0, seq, ts, ssrc, payload);
    }

    public void writeTo(ByteBuffer out) {
        out.put((byte) 0x80);
        out.put((byte) ((marker ? 0x80 : 0) | (payloadType & 0x7F)));
        out.putShort((short) sequence);
        out.putInt((int) timestamp);
        out.putInt((int) ssrc);
        out.put(payload);
    }
}
