package org.openhotline.callcenter.internal.recordings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.openhotline.shared.crypto.SealedFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals, at start-up, the recordings and voicemails left in plain WAV: those of calls that were running when the
 * process died (a recording is sealed when its call ends, ADR 041) and those written before encryption existed.
 * Runs beside new calls: only files last written before the sweep began are touched, so a recording in progress
 * is never sealed under the recorder.
 */
public final class LeftoverRecordings {

    private static final Logger log = LoggerFactory.getLogger(LeftoverRecordings.class);

    private LeftoverRecordings() {}

    public static void sealInBackground(Path directory) {
        FileTime began = FileTime.from(java.time.Instant.now());
        Thread.ofVirtual().name("leftover-recordings").start(() -> {
            int sealed = 0;
            List<Path> files;
            try (Stream<Path> walk = Files.walk(directory)) {
                files = walk.filter(Files::isRegularFile).toList();
            } catch (IOException e) {
                log.warn("Could not list {} to seal leftover recordings", directory, e);
                return;
            }
            for (Path f : files) {
                try {
                    if (f.getFileName().toString().endsWith(".sealing")) {
                        Files.deleteIfExists(f); // half a sealed copy from a crash; the original is still there
                    } else if (Files.getLastModifiedTime(f).compareTo(began) < 0 && !SealedFiles.isSealed(f)) {
                        SealedFiles.seal(f);
                        sealed++;
                    }
                } catch (IOException | RuntimeException e) {
                    log.warn("Could not seal leftover recording {}", f, e);
                }
            }
            if (sealed > 0) {
                log.info("Sealed {} recordings left in plain WAV under {}", sealed, directory);
            }
        });
    }
}
