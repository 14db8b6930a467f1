package org.openhotline.identity.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** The shipped list of common passwords ({@code identity/common-passwords.txt}), which no policy lets through. */
final class CommonPasswords {

    private static final Set<String> LIST = load();

    private CommonPasswords() {}

    static boolean contains(String password) {
        return password != null && LIST.contains(password.toLowerCase(Locale.ROOT));
    }

    private static Set<String> load() {
        var in = CommonPasswords.class.getResourceAsStream("/identity/common-passwords.txt");
        if (in == null) {
            throw new IllegalStateException("identity/common-passwords.txt missing from the jar");
        }
        Set<String> set = new HashSet<>();
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .forEach(l -> set.add(l.toLowerCase(Locale.ROOT)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(set);
    }
}
