package org.openhotline.telephony.media;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * An SDES key (RFC 4568): the {@code a=crypto} attribute of an SDP, here always the suite AES_CM_128_HMAC_SHA1_80
 * with a 16-byte master key and a 14-byte master salt sent inline (base64 of key||salt). Lifetime parameters are
 * accepted and ignored (a call is far shorter than 2^48 packets); an MKI is refused, we never need one.
 */
public record SdesKey(int tag, byte[] key, byte[] salt) {
    public static final String SUITE = "AES_CM_128_HMAC_SHA1_80";
    private static final SecureRandom RANDOM = new SecureRandom();

    public SdesKey {
        if (key.length != 16 || salt.length != 14) throw new IllegalArgumentException("SDES key needs 16 + 14 bytes");
    }

    /** A fresh random key for our side of the call under the peer's tag (each direction has its own key). */
    public static SdesKey random(int tag) {
        byte[] both = new byte[30];
        RANDOM.nextBytes(both);
        return new SdesKey(tag, java.util.Arrays.copyOf(both, 16), java.util.Arrays.copyOfRange(both, 16, 30));
    }

    /** Parses the value of one {@code a=crypto:} line; null when it is another suite or malformed. */
    public static SdesKey parse(String attribute) {
        String[] f = attribute.trim().split("\\s+");
        if (f.length < 3 || !SUITE.equals(f[1]) || !f[2].startsWith("inline:")) return null;
        try {
            int tag = Integer.parseInt(f[0]);
            String[] params = f[2].substring(7).split("\\|");
            if (params.length > 2 || (params.length == 2 && params[1].contains(":"))) return null; // MKI
            byte[] both = Base64.getDecoder().decode(params[0]);
            if (both.length != 30 || tag < 0 || tag > 999_999_999) return null;
            return new SdesKey(tag, java.util.Arrays.copyOf(both, 16), java.util.Arrays.copyOfRange(both, 16, 30));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The attribute line without the {@code a=crypto:} prefix. */
    public String attribute() {
        byte[] both = new byte[30];
        System.arraycopy(key, 0, both, 0, 16);
        System.arraycopy(salt, 0, both, 16, 14);
        return tag + " " + SUITE + " inline:" + Base64.getEncoder().encodeToString(both);
    }

    @Override
    public String toString() {
        return "SdesKey[" + tag + " " + SUITE + ", key not shown]";
    }
}
