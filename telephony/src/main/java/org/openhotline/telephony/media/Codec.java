package org.openhotline.telephony.media;

/** The audio codecs the engine speaks. Both are G.711 at 8 kHz, 20 ms = 160 samples = 160 bytes. */
public enum Codec {
    PCMU(0, "PCMU"),
    PCMA(8, "PCMA");

    public static final int SAMPLE_RATE = 8000;
    public static final int FRAME_SAMPLES = 160;

    public final int payloadType;
    public final String encodingName;

    Codec(int payloadType, String encodingName) {
        this.payloadType = payloadType;
        this.encodingName = encodingName;
    }

    public static Codec byPayloadType(int pt) {
        for (Codec c : values()) if (c.payloadType == pt) return c;
        return null;
    }

    public static Codec byName(String name) {
        for (Codec c : values()) if (c.encodingName.equalsIgnoreCase(name)) return c;
        return null;
    }
}
