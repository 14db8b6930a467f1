package org.openhotline.notification.internal.cmpp;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One CMPP PDU: the 12-byte header (Total_Length, Command_Id, Sequence_Id, all big-endian) and its body, plus
 * the fixed-width field codec the bodies use (octet strings are left-aligned and padded with NUL bytes).
 */
record CmppPdu(int commandId, int sequence, byte[] body) {

    static final int CONNECT = 0x00000001, CONNECT_RESP = 0x80000001;
    static final int TERMINATE = 0x00000002, TERMINATE_RESP = 0x80000002;
    static final int SUBMIT = 0x00000004, SUBMIT_RESP = 0x80000004;
    static final int DELIVER = 0x00000005, DELIVER_RESP = 0x80000005;
    static final int ACTIVE_TEST = 0x00000008, ACTIVE_TEST_RESP = 0x80000008;

    /** Larger PDUs do not exist in CMPP (a SUBMIT to 100 numbers is about 3.5 KB); a bigger length is garbage. */
    static final int MAX_LENGTH = 8192;

    byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(12 + body.length);
        b.putInt(12 + body.length).putInt(commandId).putInt(sequence).put(body);
        return b.array();
    }

    static CmppPdu read(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 12 || length > MAX_LENGTH) {
            throw new IOException("CMPP PDU length out of range: " + length);
        }
        int command = in.readInt();
        int sequence = in.readInt();
        byte[] body = new byte[length - 12];
        in.readFully(body);
        return new CmppPdu(command, sequence, body);
    }

    /** Writes an octet string of exactly {@code width} bytes. */
    static void octets(ByteBuffer b, String value, int width) {
        byte[] v = value == null ? new byte[0] : value.getBytes(StandardCharsets.US_ASCII);
        b.put(v, 0, Math.min(v.length, width));
        for (int i = v.length; i < width; i++) {
            b.put((byte) 0);
        }
    }

    /** Reads an octet string of {@code width} bytes, up to its first NUL. */
    static String octets(ByteBuffer b, int width) {
        byte[] v = new byte[width];
        b.get(v);
        int end = 0;
        while (end < width && v[end] != 0) {
            end++;
        }
        return new String(v, 0, end, StandardCharsets.US_ASCII);
    }

    /** A Msg_Id as the unsigned decimal the outbox stores. */
    static String msgId(long id) {
        return Long.toUnsignedString(id);
    }
}
