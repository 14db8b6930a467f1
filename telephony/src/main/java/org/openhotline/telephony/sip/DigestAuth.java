package org.openhotline.telephony.sip;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sip.header.AuthorizationHeader;

/**
 * HTTP digest (RFC 2617 / RFC 3261 section 22) with MD5 and qop=auth. Nonces are stateless: a timestamp
 * signed with a per-process key, so a flood of REGISTERs costs no memory and an old nonce is "stale".
 */
public final class DigestAuth {
    public enum Verdict { OK, STALE, WRONG }

    private final String realm;
    private final Clock clock;
    private final Duration nonceLifetime = Duration.ofMinutes(5);
    private final byte[] key = new byte[32];

    public DigestAuth(String realm, Clock clock) {
        this.realm = realm;
        this.clock = clock;
        new SecureRandom().nextBytes(key);
    }

    public String realm() {
        return realm;
    }

    public String nonce() {
        String ts = Long.toString(clock.millis());
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((ts + ":" + sign(ts)).getBytes(StandardCharsets.US_ASCII));
    }

    public Verdict verify(AuthorizationHeader auth, String method, String password) {
        if (auth == null || password == null || auth.getNonce() == null || auth.getResponse() == null) {
            return Verdict.WRONG;
        }
        if (!realm.equals(auth.getRealm())) return Verdict.WRONG;
        String ha1 = md5(auth.getUsername() + ":" + realm + ":" + password);
        String ha2 = md5(method + ":" + auth.getURI());
        String qop = auth.getQop();
        String expected = qop == null
                ? md5(ha1 + ":" + auth.getNonce() + ":" + ha2)
                : md5(ha1 + ":" + auth.getNonce() + ":" + String.format("%08x", auth.getNonceCount()) + ":"
                        + auth.getCNonce() + ":" + qop + ":" + ha2);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                auth.getResponse().toLowerCase().getBytes(StandardCharsets.US_ASCII))) {
            return Verdict.WRONG;
        }
        return fresh(auth.getNonce()) ? Verdict.OK : Verdict.STALE;
    }

    private boolean fresh(String nonce) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(nonce), StandardCharsets.US_ASCII);
            int colon = text.indexOf(':');
            String ts = text.substring(0, colon);
            if (!MessageDigest.isEqual(sign(ts).getBytes(StandardCharsets.US_ASCII),
                    text.substring(colon + 1).getBytes(StandardCharsets.US_ASCII))) {
                return false;
            }
            long age = clock.millis() - Long.parseLong(ts);
            return age >= 0 && age <= nonceLifetime.toMillis();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.US_ASCII)), 0, 12);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
