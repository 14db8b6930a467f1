package org.openhotline.notification.internal.cmpp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/** The bodies of the CMPP PDUs an SP sends and the ones it reads, for one protocol version. */
final class CmppBodies {

    static final int FMT_UCS2 = 8;

    private CmppBodies() {}

    /**
     * CMPP_CONNECT: Source_Addr(6), AuthenticatorSource(16) = MD5(Source_Addr + 9 NUL bytes + shared secret +
     * timestamp "MMDDHHMMSS"), Version(1), Timestamp(4, the same MMDDHHMMSS as an integer).
     */
    static byte[] connect(String spId, String secret, int timestamp, CmppVersion v) {
        ByteBuffer b = ByteBuffer.allocate(6 + 16 + 1 + 4);
        CmppPdu.octets(b, spId, 6);
        b.put(authenticatorSource(spId, secret, timestamp));
        b.put((byte) v.wire);
        b.putInt(timestamp);
        return b.array();
    }

    static byte[] authenticatorSource(String spId, String secret, int timestamp) {
        ByteBuffer b = ByteBuffer.allocate(256);
        b.put(spId.getBytes(StandardCharsets.US_ASCII));
        b.put(new byte[9]);
        b.put(secret.getBytes(StandardCharsets.US_ASCII));
        b.put(String.format("%010d", timestamp).getBytes(StandardCharsets.US_ASCII));
        return md5(b.array(), b.position());
    }

    /** AuthenticatorISMG = MD5(Status + AuthenticatorSource + shared secret), Status as the version's width. */
    static byte[] authenticatorIsmg(int status, byte[] source, String secret, CmppVersion v) {
        ByteBuffer b = ByteBuffer.allocate(4 + 16 + 128);
        v.writeResult(b, status);
        b.put(source);
        b.put(secret.getBytes(StandardCharsets.US_ASCII));
        return md5(b.array(), b.position());
    }

    /** The parts of one SUBMIT, as the SP fills them in. */
    record Submit(String serviceId, String spId, String srcId, String dest, int pkTotal, int pkNumber, boolean udhi,
                  byte[] content) {}

    static byte[] submit(Submit s, CmppVersion v) {
        ByteBuffer b = ByteBuffer.allocate(400);
        b.putLong(0); // Msg_Id: the ISMG fills it in
        b.put((byte) s.pkTotal()).put((byte) s.pkNumber());
        b.put((byte) 1); // Registered_Delivery: we want status reports
        b.put((byte) 1); // Msg_level
        CmppPdu.octets(b, s.serviceId(), 10);
        b.put((byte) 0); // Fee_UserType 0: charge the destination (FeeType 01 = free)
        CmppPdu.octets(b, "", v.terminalWidth); // Fee_terminal_Id
        if (v.terminalType) {
            b.put((byte) 0);
        }
        b.put((byte) 0); // TP_pId
        b.put((byte) (s.udhi() ? 1 : 0));
        b.put((byte) FMT_UCS2);
        CmppPdu.octets(b, s.spId(), 6); // Msg_src
        CmppPdu.octets(b, "01", 2); // FeeType: free
        CmppPdu.octets(b, "000000", 6);
        CmppPdu.octets(b, "", 17); // ValId_Time
        CmppPdu.octets(b, "", 17); // At_Time: now
        CmppPdu.octets(b, s.srcId(), 21);
        b.put((byte) 1); // DestUsr_tl
        CmppPdu.octets(b, s.dest(), v.terminalWidth);
        if (v.terminalType) {
            b.put((byte) 0);
        }
        b.put((byte) s.content().length);
        b.put(s.content());
        CmppPdu.octets(b, "", v.trailerWidth); // Reserve (2.0) or LinkID (3.0)
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }

    /**
     * Splits a text into SUBMIT contents: UCS-2 (big-endian), one part up to 70 characters, else parts of 67
     * characters each behind the 6-byte UDH {@code 05 00 03 ref total seq} (TP_udhi = 1).
     */
    static List<byte[]> parts(String text, int reference) {
        if (text.length() <= 70) {
            return List.of(text.getBytes(StandardCharsets.UTF_16BE));
        }
        List<String> chunks = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int end = Math.min(text.length(), i + 67);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--; // never cut an emoji in half
            }
            chunks.add(text.substring(i, end));
            i = end;
        }
        if (chunks.size() > 255) {
            throw new IllegalArgumentException("message too long");
        }
        List<byte[]> parts = new ArrayList<>();
        for (int n = 0; n < chunks.size(); n++) {
            byte[] ucs2 = chunks.get(n).getBytes(StandardCharsets.UTF_16BE);
            ByteBuffer b = ByteBuffer.allocate(6 + ucs2.length);
            b.put((byte) 5).put((byte) 0).put((byte) 3).put((byte) reference).put((byte) chunks.size()).put((byte) (n + 1));
            b.put(ucs2);
            parts.add(b.array());
        }
        return parts;
    }

    /** A DELIVER as read: either a status report or a part of a mobile-originated message. */
    record Deliver(long msgId, String destId, String srcTerminal, boolean report, int fmt, boolean udhi,
                   byte[] content) {}

    static Deliver deliver(byte[] body, CmppVersion v) {
        ByteBuffer b = ByteBuffer.wrap(body);
        long msgId = b.getLong();
        String dest = CmppPdu.octets(b, 21);
        CmppPdu.octets(b, 10); // Service_Id
        b.get(); // TP_pid
        boolean udhi = b.get() == 1;
        int fmt = b.get() & 0xff;
        String src = CmppPdu.octets(b, v.terminalWidth);
        if (v.terminalType) {
            b.get();
        }
        boolean report = b.get() == 1;
        int length = b.get() & 0xff;
        byte[] content = new byte[length];
        b.get(content);
        return new Deliver(msgId, dest, src, report, fmt, udhi, content);
    }

    /** Status report inside a DELIVER: Msg_Id(8) of the submitted part, Stat(7) such as DELIVRD, times, dest. */
    record Report(String msgId, String stat) {
        boolean delivered() {
            return "DELIVRD".equals(stat);
        }
    }

    static Report report(byte[] content) {
        ByteBuffer b = ByteBuffer.wrap(content);
        return new Report(CmppPdu.msgId(b.getLong()), CmppPdu.octets(b, 7));
    }

    static byte[] deliverResp(long msgId, int result, CmppVersion v) {
        ByteBuffer b = ByteBuffer.allocate(8 + v.resultWidth);
        b.putLong(msgId);
        v.writeResult(b, result);
        return b.array();
    }

    static String decode(int fmt, byte[] bytes) {
        return switch (fmt) {
            case FMT_UCS2 -> new String(bytes, StandardCharsets.UTF_16BE);
            case 15 -> new String(bytes, java.nio.charset.Charset.forName("GBK"));
            default -> new String(bytes, StandardCharsets.ISO_8859_1);
        };
    }

    private static byte[] md5(byte[] data, int length) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            md.update(data, 0, length);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
