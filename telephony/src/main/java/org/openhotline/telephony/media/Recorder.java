package org.openhotline.telephony.media;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;

/**
 * Records a call as a stereo 16-bit 8 kHz WAV: the caller's voice on the left channel, on the right everyone who
 * talks with the caller in the caller's room (the agent; after a consulted transfer the colleague who took the call;
 * in a three-way call both; a muted agent too, a listening or whispering team leader not), one frame per mixer tick,
 * so the file's length is exactly the time the recording ran. A voicemail has only the left channel.
 * Writes are buffered so that the mixer thread touches the disk only every couple of seconds.
 */
public final class Recorder {
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private final Path file;
    final MediaLeg left;
    /** Whether the right channel is the rest of the left leg's room (a call), or silent (a voicemail). */
    final boolean withRoom;
    private final OutputStream out;
    private final byte[] frame = new byte[Codec.FRAME_SAMPLES * 4];
    private long frames;
    private volatile boolean closed;

    Recorder(Path file, MediaLeg left, boolean withRoom) throws IOException {
        this.file = file;
        this.left = left;
        this.withRoom = withRoom;
        Files.createDirectories(file.toAbsolutePath().getParent(), PosixFilePermissions.asFileAttribute(OWNER_DIR));
        // A citizen's voice: readable by the service user only, whatever the process's umask.
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_FILE));
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
        out.write(WavFile.header(2, 0));
    }

    /** Called by the mixer thread once per tick with both legs' decoded input. */
    void write(short[] l, short[] r) {
        if (closed) return;
        for (int i = 0, j = 0; i < Codec.FRAME_SAMPLES; i++) {
            short a = l == null ? 0 : l[i];
            short b = r == null ? 0 : r[i];
            frame[j++] = (byte) a;
            frame[j++] = (byte) (a >> 8);
            frame[j++] = (byte) b;
            frame[j++] = (byte) (b >> 8);
        }
        try {
            out.write(frame);
            frames++;
        } catch (IOException e) {
            closed = true;
        }
    }

    /** Closes the file and patches the WAV sizes; returns the recorded duration. */
    synchronized Duration close() throws IOException {
        if (!closed) {
            closed = true;
        }
        out.close();
        long dataBytes = frames * frame.length;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.write(WavFile.header(2, dataBytes));
        }
        return duration();
    }

    public Duration duration() {
        return Duration.ofMillis(frames * 20);
    }

    public Path file() {
        return file;
    }
}
