package org.openhotline.shared.crypto;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Loads the data keys at start-up (environment {@code HOTLINE_DATA_KEYS}, else
 * {@code data-dir/keys/personal-data.keys}, created 0600 when absent) and joins them to the process's ring for
 * {@link PersonalData} and {@link SealedFiles} ({@link PersonalData#joined} says what a second platform in the same
 * JVM gets); rotation goes through here so the file and the ring change together.
 */
@Component
public class PersonalDataKeys {

    private final Path file;
    private final boolean fromEnvironment;

    PersonalDataKeys(@Value("${hotline.data-dir}") Path dataDir, @Value("${HOTLINE_DATA_KEYS:}") String environment) {
        this.file = dataDir.resolve("keys").resolve("personal-data.keys");
        this.fromEnvironment = !environment.isBlank();
        PersonalData.join(environment, file);
    }

    /**
     * Adds a new current key to this platform's key file and to the ring; rows keep opening under their old key until
     * re-sealed. The file is written before the ring changes, so nothing is sealed under a key no file holds.
     */
    int rotate() {
        synchronized (PersonalData.class) {
            DataKeys next = PersonalData.keys().rotated(fromEnvironment ? null : file);
            PersonalData.install(next);
            return next.current();
        }
    }

    int current() {
        return PersonalData.keys().current();
    }

    Path file() {
        return file;
    }
}
