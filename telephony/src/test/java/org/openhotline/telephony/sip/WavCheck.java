package org.openhotline.telephony.sip;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads back a recording: channels, length, and the mean loudness of each channel. */
public record WavCheck(int channels, double seconds, double leftLevel, double rightLevel) {
    public static WavCheck read(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        int channels = b.getShort(22);
        int rate = b.getInt(24);
        int dataBytes = b.getInt(40);
        long left = 0, right = 0;
        int frames = dataBytes / (2 * channels);
        for (int i = 0; i < frames; i++) {
            int off = 44 + i * 2 * channels;
            left += Math.abs(b.getShort(off));
            if (channels == 2) right += Math.abs(b.getShort(off + 2));
        }
        return new WavCheck(channels, frames / (double) rate, frames == 0 ? 0 : left / (double) frames,
                frames == 0 ? 0 : right / (double) frames);
    }
}
