package org.openhotline.telephony;

import java.util.Map;
import java.util.Optional;

/**
 * Who may register as an extension and with which password. The server implements it from its agent
 * and workstation tables; {@link #of(Map)} serves tests and small installations.
 */
@FunctionalInterface
public interface ExtensionDirectory {
    Optional<String> passwordOf(String extension);

    static ExtensionDirectory of(Map<String, String> passwords) {
        Map<String, String> copy = Map.copyOf(passwords);
        return ext -> Optional.ofNullable(copy.get(ext));
    }
}
