package org.openhotline.exchange.internal.pipe;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The signature of a request: HMAC over {@code from + "\n" + timestamp + "\n" + body} with the counterpart's key,
 * Base64. HMAC-SHA256 by default; HMAC-SM3 (GB/T 32905) where the counterpart asks for the commercial algorithm.
 */
public final class Signatures {

    public enum Algorithm {
        HMAC_SHA256("HMAC-SHA256"), HMAC_SM3("HMAC-SM3");

        private final String header;

        Algorithm(String header) {
            this.header = header;
        }

        public String header() {
            return header;
        }

        public static Algorithm ofHeader(String value) {
            for (Algorithm a : values()) {
                if (a.header.equalsIgnoreCase(value)) {
                    return a;
                }
            }
            return null;
        }
    }

    private Signatures() {}

    public static String sign(Algorithm algorithm, String secret, String from, String timestamp, String body) {
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        byte[] data = (from + "\n" + timestamp + "\n" + body).getBytes(StandardCharsets.UTF_8);
        byte[] mac = switch (algorithm) {
            case HMAC_SHA256 -> {
                try {
                    Mac m = Mac.getInstance("HmacSHA256");
                    m.init(new SecretKeySpec(key, "HmacSHA256"));
                    yield m.doFinal(data);
                } catch (java.security.GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            }
            case HMAC_SM3 -> {
                HMac m = new HMac(new SM3Digest());
                m.init(new KeyParameter(key));
                m.update(data, 0, data.length);
                byte[] out = new byte[m.getMacSize()];
                m.doFinal(out, 0);
                yield out;
            }
        };
        return Base64.getEncoder().encodeToString(mac);
    }

    /** Constant-time comparison of a received signature with the expected one. */
    public static boolean verify(Algorithm algorithm, String secret, String from, String timestamp, String body,
                                 String signature) {
        if (signature == null) {
            return false;
        }
        byte[] expected = sign(algorithm, secret, from, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.US_ASCII));
    }
}
