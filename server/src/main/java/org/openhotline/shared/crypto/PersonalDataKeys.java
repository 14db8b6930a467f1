package org.openhotline.shared.crypto;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Loads the data keys at start-up (environment {@code HOTLINE_DATA_KEYS}, else
 * {@code data-dir/keys/personal-data.keys}, created 0600 when absent) and installs them for
 * {@link PersonalData} and {@link SealedFiles}; rotation goes through here so the file and the ring change together.
 */
@Component
public class PersonalDataKeys {

    private final Path file;

    PersonalDataKeys(@Value("${hotline.data-dir}") Path dataDir, @Value("${HOTLINE_DATA_KEYS:}") String environment) {
        this.file = dataDir.resolve("keys").resolve("personal-data.keys");
        PersonalData.install(DataKeys.load(environment, file));
    }

    /** Adds a new current key to the file and the ring; rows keep opening under their old key until re-sealed. */
    synchronized int rotate() {
        DataKeys next = PersonalData.keys().rotated();
        PersonalData.install(next);
        return next.current();
    }

    int current() {
        return PersonalData.keys().current();
    }

    Path file() {
        return file;
    }
}
