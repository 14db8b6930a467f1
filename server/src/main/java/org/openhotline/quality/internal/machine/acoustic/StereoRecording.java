package org.openhotline.quality.internal.machine.acoustic;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import org.openhotline.shared.crypto.SealedFiles;

/**
 * A call recording as the call center writes it (telephony's {@code Recorder}): 16-bit PCM WAV, the citizen on the
 * left channel, the agent (whoever talks with the citizen) on the right. A mono file has only the citizen.
 */
public record StereoRecording(short[] citizen, short[] agent, int sampleRate) {

    public long lengthMillis() {
        return citizen.length * 1000L / sampleRate;
    }

    public static StereoRecording read(Path file) throws IOException {
        return parse(SealedFiles.readAllBytes(file)); // recordings are sealed at rest (ADR 041)
    }

    public static StereoRecording parse(byte[] all) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        if (all.length < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
            throw new IOException("不是 WAV 文件");
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
            } else if (id == 0x61746164) { // "data": a recording cut short may claim more bytes than it has
                int len = size <= 0 ? all.length - body : Math.min(size, all.length - body);
                if (format != 1 || bits != 16 || channels < 1 || channels > 2 || rate <= 0) {
                    throw new IOException("录音格式应为 16 位 PCM 单声道或双声道，实际为格式 " + format + "、"
                            + bits + " 位、" + channels + " 声道");
                }
                return split(b.slice(body, len).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer(), channels, rate);
            }
            pos = body + size + (size & 1);
        }
        throw new IOException("WAV 文件没有数据段");
    }

    private static StereoRecording split(ShortBuffer pcm, int channels, int rate) {
        int n = pcm.remaining() / channels;
        short[] left = new short[n];
        short[] right = new short[n];
        if (channels == 1) {
            pcm.get(left);
        } else {
            for (int i = 0; i < n; i++) {
                left[i] = pcm.get();
                right[i] = pcm.get();
            }
        }
        return new StereoRecording(left, right, rate);
    }

    /** The file the call center would write for these two channels (tests and the bench build calls this way). */
    public byte[] toWav() {
        int n = citizen.length;
        ByteBuffer b = ByteBuffer.allocate(44 + n * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x46464952).putInt(36 + n * 4).putInt(0x45564157);
        b.putInt(0x20746d66).putInt(16).putShort((short) 1).putShort((short) 2).putInt(sampleRate)
                .putInt(sampleRate * 4).putShort((short) 4).putShort((short) 16);
        b.putInt(0x61746164).putInt(n * 4);
        for (int i = 0; i < n; i++) {
            b.putShort(citizen[i]).putShort(agent[i]);
        }
        return b.array();
    }
}
