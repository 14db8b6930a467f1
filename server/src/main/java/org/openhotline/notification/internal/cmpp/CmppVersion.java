package org.openhotline.notification.internal.cmpp;

/**
 * What differs between CMPP 2.0 and 3.0 on the wire: the version byte, the width of terminal numbers (21 vs 32
 * bytes, 3.0 adding a terminal-type byte after each), the width of result/status fields (1 vs 4 bytes) and the
 * trailing field of SUBMIT/DELIVER (Reserve 8 vs LinkID 20).
 */
public enum CmppVersion {
    V2(0x20, 21, 1, 8, false),
    V3(0x30, 32, 4, 20, true);

    final int wire;
    final int terminalWidth;
    final int resultWidth;
    final int trailerWidth;
    final boolean terminalType;

    CmppVersion(int wire, int terminalWidth, int resultWidth, int trailerWidth, boolean terminalType) {
        this.wire = wire;
        this.terminalWidth = terminalWidth;
        this.resultWidth = resultWidth;
        this.trailerWidth = trailerWidth;
        this.terminalType = terminalType;
    }

    /** From configuration: "2", "2.0", "3", "3.0". */
    public static CmppVersion of(String text) {
        return text != null && text.trim().startsWith("2") ? V2 : V3;
    }

    int readResult(java.nio.ByteBuffer b) {
        return resultWidth == 1 ? b.get() & 0xff : b.getInt();
    }

    void writeResult(java.nio.ByteBuffer b, int result) {
        if (resultWidth == 1) {
            b.put((byte) result);
        } else {
            b.putInt(result);
        }
    }
}
