package org.openhotline.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recording holds a citizen's voice: only the service user may read it, whatever the process's umask. */
class RecorderTest {

    @Test
    void aRecordingIsReadableByTheServiceUserOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("recordings/2026/call-1.wav");
        var recorder = new Recorder(file, null, false);
        recorder.write(new short[Codec.FRAME_SAMPLES], null);
        recorder.close();
        assertThat(Files.size(file)).isPositive();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
    }
}
