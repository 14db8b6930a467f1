package org.openhotline.channels.internal.wechat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeChat's callback signatures and safe-mode encryption: a signature is the SHA-1 (hex) of the token, timestamp,
 * nonce (and, in safe mode, the ciphertext) sorted as strings and joined; the ciphertext is AES-256-CBC of
 * {@code random(16) + length(4, big-endian) + message + AppID}, padded PKCS#7 to a multiple of 32 bytes, the key
 * being Base64 of the 43-character EncodingAESKey plus "=", the IV its first 16 bytes.
 */
final class WeChatCrypto {

    private static final SecureRandom RANDOM = new SecureRandom();

    private WeChatCrypto() {}

    static String signature(String... parts) {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean same(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }

    static String encrypt(String aesKey, String appId, String message) {
        byte[] key = key(aesKey);
        byte[] msg = message.getBytes(StandardCharsets.UTF_8);
        byte[] app = appId.getBytes(StandardCharsets.UTF_8);
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        int length = 16 + 4 + msg.length + app.length;
        int pad = 32 - length % 32;
        ByteBuffer b = ByteBuffer.allocate(length + pad);
        b.put(random).putInt(msg.length).put(msg).put(app);
        for (int i = 0; i < pad; i++) {
            b.put((byte) pad);
        }
        try {
            Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
            return Base64.getEncoder().encodeToString(c.doFinal(b.array()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The message inside a ciphertext; throws {@link Refused} when it does not decrypt or names another AppID. */
    static String decrypt(String aesKey, String appId, String encrypted) {
        byte[] key = key(aesKey);
        byte[] plain;
        try {
            Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
            plain = c.doFinal(Base64.getDecoder().decode(encrypted));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new Refused("cannot decrypt");
        }
        int pad = plain.length == 0 ? 0 : plain[plain.length - 1] & 0xff;
        if (pad < 1 || pad > 32 || plain.length < 20 + pad) {
            throw new Refused("bad padding");
        }
        ByteBuffer b = ByteBuffer.wrap(plain, 0, plain.length - pad);
        b.position(16);
        int length = b.getInt();
        if (length < 0 || length > b.remaining()) {
            throw new Refused("bad length");
        }
        byte[] msg = new byte[length];
        b.get(msg);
        byte[] app = new byte[b.remaining()];
        b.get(app);
        if (!new String(app, StandardCharsets.UTF_8).equals(appId)) {
            throw new Refused("another AppID");
        }
        return new String(msg, StandardCharsets.UTF_8);
    }

    private static byte[] key(String aesKey) {
        byte[] key = Base64.getDecoder().decode(aesKey + "=");
        if (key.length != 32) {
            throw new IllegalStateException("HOTLINE_WECHAT_AES_KEY must be the 43-character EncodingAESKey");
        }
        return key;
    }

    /** A request that is not from WeChat (signature, AppID or ciphertext wrong): answered 403. */
    static final class Refused extends RuntimeException {
        Refused(String why) {
            super(why);
        }
    }
}
