package org.openhotline.telephony.media;

/** ITU-T G.711 mu-law (PCMU) and A-law (PCMA) companding between 16-bit linear samples and bytes. */
public final class G711 {
    private static final short[] ULAW_DECODE = new short[256];
    private static final short[] ALAW_DECODE = new short[256];

    static {
        for (int i = 0; i < 256; i++) {
            ULAW_DECODE[i] = ulawToLinear((byte) i);
            ALAW_DECODE[i] = alawToLinear((byte) i);
        }
    }

    private G711() {
    }

    public static byte linearToUlaw(int sample) {
        final int bias = 0x84;
        int sign = (sample >> 8) & 0x80;
        if (sign != 0) sample = -sample;
        if (sample > 32635) sample = 32635;
        sample += bias;
        int exponent = 7;
        for (int mask = 0x4000; (sample & mask) == 0 && exponent > 0; mask >>= 1) exponent--;
        int mantissa = (sample >> (exponent + 3)) & 0x0F;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }

    private static short ulawToLinear(byte b) {
        int u = ~b & 0xFF;
        int t = ((u & 0x0F) << 3) + 0x84;
        t <<= (u & 0x70) >> 4;
        return (short) ((u & 0x80) != 0 ? 0x84 - t : t - 0x84);
    }

    public static byte linearToAlaw(int sample) {
        int sign = (~sample >> 8) & 0x80;
        if (sign == 0) sample = -sample;
        if (sample > 32635) sample = 32635;
        int compressed;
        if (sample >= 256) {
            int exponent = 7;
            for (int mask = 0x4000; (sample & mask) == 0 && exponent > 1; mask >>= 1) exponent--;
            int mantissa = (sample >> (exponent + 3)) & 0x0F;
            compressed = (exponent << 4) | mantissa;
        } else {
            compressed = sample >> 4;
        }
        return (byte) ((compressed ^ sign ^ 0x55) & 0xFF);
    }

    private static short alawToLinear(byte b) {
        int a = (b ^ 0x55) & 0xFF;
        int t = (a & 0x0F) << 4;
        int seg = (a & 0x70) >> 4;
        switch (seg) {
            case 0 -> t += 8;
            case 1 -> t += 0x108;
            default -> {
                t += 0x108;
                t <<= seg - 1;
            }
        }
        return (short) ((a & 0x80) != 0 ? t : -t);
    }

    public static void decode(Codec codec, byte[] in, int offset, int length, short[] out) {
        short[] table = codec == Codec.PCMU ? ULAW_DECODE : ALAW_DECODE;
        int n = Math.min(length, out.length);
        for (int i = 0; i < n; i++) out[i] = table[in[offset + i] & 0xFF];
        for (int i = n; i < out.length; i++) out[i] = 0;
    }

    public static void encode(Codec codec, short[] in, byte[] out) {
        if (codec == Codec.PCMU) {
            for (int i = 0; i < in.length; i++) out[i] = linearToUlaw(in[i]);
        } else {
            for (int i = 0; i < in.length; i++) out[i] = linearToAlaw(in[i]);
        }
    }
}
