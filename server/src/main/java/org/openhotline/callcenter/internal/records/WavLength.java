package org.openhotline.callcenter.internal.records;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openhotline.shared.crypto.SealedFiles;

/**
 * The length of a WAV recording from its header (the "fmt " chunk's byte rate and the "data" chunk's size), without
 * reading the samples: a voicemail's length for 客户留言统计.
 */
final class WavLength {

    private WavLength() {}

    /** Seconds of audio in the file, or null when it is missing or not a PCM WAV file. */
    static Double secondsOf(Path wav) {
        try (InputStream in = SealedFiles.newInputStream(wav)) {
            ByteBuffer riff = ByteBuffer.wrap(in.readNBytes(12)).order(ByteOrder.LITTLE_ENDIAN);
            if (riff.remaining() < 12 || riff.getInt(0) != 0x46464952 || riff.getInt(8) != 0x45564157) { // RIFF, WAVE
                return null;
            }
            long byteRate = 0;
            for (int chunk = 0; chunk < 32; chunk++) {
                ByteBuffer head = ByteBuffer.wrap(in.readNBytes(8)).order(ByteOrder.LITTLE_ENDIAN);
                if (head.remaining() < 8) {
                    return null;
                }
                int id = head.getInt(0);
                long size = Integer.toUnsignedLong(head.getInt(4));
                if (id == 0x20746d66) { // "fmt "
                    ByteBuffer fmt = ByteBuffer.wrap(in.readNBytes((int) Math.min(size, 64))).order(ByteOrder.LITTLE_ENDIAN);
                    in.skipNBytes(size - fmt.capacity());
                    byteRate = fmt.capacity() >= 12 ? Integer.toUnsignedLong(fmt.getInt(8)) : 0;
                } else if (id == 0x61746164) { // "data"
                    return byteRate == 0 ? null : Math.round(size * 100.0 / byteRate) / 100.0;
                } else {
                    in.skipNBytes(size + (size & 1));
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null; // an unreadable file has no length; the voicemail is still counted
        }
    }
}
