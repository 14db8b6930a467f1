package org.openhotline.identity.internal.mfa;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Recovery codes: ten random codes of 10 characters (about 50 bits each) shown once at enrolment, each good for one
 * login when the phone is lost. Being random, they need no slow password hash: SHA-256 of the normalised code.
 */
public final class RecoveryCodes {

    public static final int COUNT = 10;
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RecoveryCodes() {}

    /** Ten new codes, shown as {@code xxxxx-xxxxx}. */
    public static List<String> generate() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            StringBuilder s = new StringBuilder();
            for (int j = 0; j < 10; j++) {
                if (j == 5) {
                    s.append('-');
                }
                s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            codes.add(s.toString());
        }
        return codes;
    }

    /** Looks like a recovery code (a TOTP code is six digits). */
    public static boolean looksLikeOne(String input) {
        return input != null && normalise(input).length() == 10;
    }

    public static String hash(String code) {
        return org.openhotline.shared.crypto.Digests.sha256Hex(normalise(code));
    }

    private static String normalise(String code) {
        return code.replace("-", "").replace(" ", "").trim().toLowerCase();
    }
}
