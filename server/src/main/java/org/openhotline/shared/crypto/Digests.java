package org.openhotline.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 in hex, for secrets kept only as their digest (one-time codes, recovery codes, API keys, receipt codes):
 * they are long and random or short-lived and rate-limited, so a plain digest suffices where a password would need a
 * slow hash.
 */
public final class Digests {

    private Digests() {}

    public static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
