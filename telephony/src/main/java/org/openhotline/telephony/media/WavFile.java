package org.openhotline.telephony.media;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Reads 8 kHz mono WAV prompts (16-bit PCM, or G.711 as sox may write them). */
public final class WavFile {
    private WavFile() {
    }

    public static short[] readMono8k(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        byte[] all = in.readAllBytes();
        ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        if (all.length < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
            throw new IOException("not a RIFF/WAVE file");
        }
        int pos = 12;
        int format = -1, channels = 0, rate = 0, bits = 0;
        while (pos + 8 <= all.length) {
            int id = b.getInt(pos);
            int size = b.getInt(pos + 4);
            int body = pos + 8;
            if (id == 0x20746d66) { // "fmt "
                format = b.getShort(body) & 0xFFFF;
                channels = b.getShort(body + 2);
                rate = b.getInt(body + 4);
                bits = b.getShort(body + 14);
            } else if (id == 0x61746164) { // "data"
                int len = Math.min(size < 0 ? all.length - body : size, all.length - body);
                return decode(all, body, len, format, channels, rate, bits);
            }
            pos = body + size + (size & 1);
        }
        throw new IOException("WAV has no data chunk");
    }

    private static short[] decode(byte[] d, int off, int len, int format, int channels, int rate, int bits)
            throws IOException {
        if (rate != Codec.SAMPLE_RATE || channels != 1) {
            throw new IOException("prompts must be 8 kHz mono, got " + rate + " Hz x" + channels);
        }
        if (format == 1 && bits == 16) {
            short[] s = new short[len / 2];
            ByteBuffer.wrap(d, off, len).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(s);
            return s;
        }
        if (format == 6 || format == 7) { // A-law, mu-law
            short[] s = new short[len];
            byte[] slice = new byte[len];
            System.arraycopy(d, off, slice, 0, len);
            G711.decode(format == 7 ? Codec.PCMU : Codec.PCMA, slice, 0, len, s);
            return s;
        }
        throw new IOException("unsupported WAV format " + format + "/" + bits + " bits");
    }

    /** A 44-byte PCM header; sizes are patched when a recording is closed. */
    static byte[] header(int channels, long dataBytes) {
        ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0x46464952).putInt((int) (36 + dataBytes)).putInt(0x45564157);
        h.putInt(0x20746d66).putInt(16).putShort((short) 1).putShort((short) channels);
        h.putInt(Codec.SAMPLE_RATE).putInt(Codec.SAMPLE_RATE * 2 * channels).putShort((short) (2 * channels))
                .putShort((short) 16);
        h.putInt(0x61746164).putInt((int) dataBytes);
        return h.array();
    }

    /** A complete 8 kHz mono 16-bit WAV file of the samples. */
    public static byte[] toBytes(short[] mono) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer b = ByteBuffer.allocate(mono.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : mono) b.putShort(s);
        out.writeBytes(header(1, mono.length * 2L));
        out.writeBytes(b.array());
        return out.toByteArray();
    }
}
