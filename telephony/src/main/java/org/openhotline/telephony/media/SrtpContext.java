package org.openhotline.telephony.media;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One direction of SRTP (RFC 3711) with the only suite we negotiate, AES_CM_128_HMAC_SHA1_80: AES in counter mode
 * over the payload, HMAC-SHA1 over header, encrypted payload and rollover counter, truncated to 80 bits. Session
 * keys are derived once from the SDES master key and salt (key derivation rate 0, the SDES default). The JCE does the
 * cryptography (AES/CTR/NoPadding, HmacSHA1); this class only arranges the bytes as section 4 says.
 * <p>
 * Not thread-safe: a leg has one context for what it sends (the mixer thread) and one for what it receives (its
 * RTP thread). The receiving side keeps the rollover counter estimate and a 64-packet replay window (section 3.3.2).
 */
public final class SrtpContext {
    public static final int TAG_LENGTH = 10;
    static final int LABEL_ENCRYPTION = 0;
    static final int LABEL_AUTH = 1;
    static final int LABEL_SALT = 2;

    private final Cipher aes;
    private final SecretKeySpec sessionKey;
    private final byte[] sessionSalt;
    private final Mac hmac;
    private final byte[] iv = new byte[16];
    private final byte[] tag = new byte[20];
    // sender: the rollover counter of the last sequence number sent
    private long roc;
    private int lastSequence = -1;
    // receiver: highest index accepted so far and the replay bitmap below it
    private long highestIndex = -1;
    private long replayWindow;

    /** A context for one direction of a call keyed by the SDES master key and salt of {@code key}. */
    public SrtpContext(SdesKey key) {
        this(sessionKeys(key));
    }

    private SrtpContext(byte[][] session) {
        this(session[0], session[1], session[2]);
    }

    /** With session keys given directly (the test vectors of RFC 3711 Appendix B.2 start there). */
    SrtpContext(byte[] encryptionKey, byte[] salt, byte[] authKey) {
        try {
            this.aes = Cipher.getInstance("AES/CTR/NoPadding");
            this.sessionKey = new SecretKeySpec(encryptionKey, "AES");
            this.sessionSalt = salt.clone();
            this.hmac = Mac.getInstance("HmacSHA1");
            hmac.init(new SecretKeySpec(authKey, "HmacSHA1"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CTR or HmacSHA1 missing from this JVM", e);
        }
    }

    /** Encryption key, salt and authentication key derived from the master key and salt (section 4.3). */
    static byte[][] sessionKeys(SdesKey key) {
        try {
            Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
            SecretKeySpec master = new SecretKeySpec(key.key(), "AES");
            return new byte[][] {derive(aes, master, key.salt(), LABEL_ENCRYPTION, 16),
                    derive(aes, master, key.salt(), LABEL_SALT, 14), derive(aes, master, key.salt(), LABEL_AUTH, 20)};
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CTR missing from this JVM", e);
        }
    }

    /** The key derivation of section 4.3.1 with index 0: AES-CM keyed with the master key, IV = salt XOR label. */
    static byte[] derive(Cipher aes, SecretKeySpec masterKey, byte[] masterSalt, int label, int length)
            throws GeneralSecurityException {
        byte[] x = new byte[16];
        System.arraycopy(masterSalt, 0, x, 0, 14);
        x[7] ^= (byte) label;
        aes.init(Cipher.ENCRYPT_MODE, masterKey, new IvParameterSpec(x));
        return aes.doFinal(new byte[length]);
    }

    /**
     * Encrypts the RTP packet in {@code packet[0..length)} in place and appends the authentication tag; returns the
     * new length ({@code length + 10}). The array must have room for the tag.
     */
    public int protect(byte[] packet, int length) {
        int sequence = ((packet[2] & 0xFF) << 8) | (packet[3] & 0xFF);
        // a sequence number that wrapped since the last packet starts the next roll-over (section 3.3.1)
        if (lastSequence >= 0 && sequence < lastSequence && lastSequence - sequence > 0x8000) roc = (roc + 1) & 0xFFFFFFFFL;
        lastSequence = sequence;
        int header = headerLength(packet, length);
        if (header < 0) throw new IllegalArgumentException("not an RTP packet");
        long index = (roc << 16) | sequence;
        crypt(packet, header, length - header, ssrc(packet), index);
        authenticate(packet, length, roc);
        System.arraycopy(tag, 0, packet, length, TAG_LENGTH);
        return length + TAG_LENGTH;
    }

    /**
     * Checks the tag and replay window of an SRTP packet and decrypts it in place; returns the RTP length, or -1 for a
     * packet that must be dropped (forged, altered, replayed, or plain RTP where SRTP was agreed).
     */
    public int unprotect(byte[] packet, int length) {
        int rtpLength = length - TAG_LENGTH;
        int header = headerLength(packet, rtpLength);
        if (header < 0) return -1;
        int sequence = ((packet[2] & 0xFF) << 8) | (packet[3] & 0xFF);
        long index = estimateIndex(sequence);
        if (replayed(index)) return -1;
        authenticate(packet, rtpLength, index >>> 16);
        if (!MessageDigest.isEqual(java.util.Arrays.copyOf(tag, TAG_LENGTH),
                java.util.Arrays.copyOfRange(packet, rtpLength, length))) {
            return -1;
        }
        crypt(packet, header, rtpLength - header, ssrc(packet), index);
        accept(index);
        return rtpLength;
    }

    /** Section 3.3.1: the index closest to the highest one seen (rollover guessed from the sequence number). */
    private long estimateIndex(int sequence) {
        if (highestIndex < 0) return sequence;
        long roc = highestIndex >>> 16;
        int last = (int) (highestIndex & 0xFFFF);
        long guess;
        if (last < 0x8000) {
            guess = sequence - last > 0x8000 && roc > 0 ? roc - 1 : roc;
        } else {
            guess = last - 0x8000 > sequence ? roc + 1 : roc;
        }
        return (guess << 16) | sequence;
    }

    private boolean replayed(long index) {
        if (highestIndex < 0 || index > highestIndex) return false;
        long behind = highestIndex - index;
        return behind >= 64 || (replayWindow & (1L << behind)) != 0;
    }

    private void accept(long index) {
        if (highestIndex < 0) {
            highestIndex = index;
            replayWindow = 1;
        } else if (index > highestIndex) {
            long ahead = index - highestIndex;
            replayWindow = ahead >= 64 ? 1 : (replayWindow << ahead) | 1;
            highestIndex = index;
        } else {
            replayWindow |= 1L << (highestIndex - index);
        }
    }

    /** Section 4.1.1: IV = (salt * 2^16) XOR (SSRC * 2^64) XOR (index * 2^16). */
    private void crypt(byte[] packet, int offset, int length, long ssrc, long index) {
        java.util.Arrays.fill(iv, (byte) 0);
        System.arraycopy(sessionSalt, 0, iv, 0, 14);
        for (int i = 0; i < 4; i++) iv[4 + i] ^= (byte) (ssrc >>> (24 - 8 * i));
        for (int i = 0; i < 6; i++) iv[8 + i] ^= (byte) (index >>> (40 - 8 * i));
        try {
            aes.init(Cipher.ENCRYPT_MODE, sessionKey, new IvParameterSpec(iv));
            aes.doFinal(packet, offset, length, packet, offset);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void authenticate(byte[] packet, int length, long roc) {
        hmac.update(packet, 0, length);
        hmac.update(new byte[] {(byte) (roc >>> 24), (byte) (roc >>> 16), (byte) (roc >>> 8), (byte) roc});
        try {
            hmac.doFinal(tag, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long ssrc(byte[] p) {
        return ((p[8] & 0xFFL) << 24) | ((p[9] & 0xFFL) << 16) | ((p[10] & 0xFFL) << 8) | (p[11] & 0xFFL);
    }

    /** Fixed header, CSRCs and the header extension: what stays in clear (section 3.1). */
    static int headerLength(byte[] p, int length) {
        if (length < 12 || (p[0] & 0xC0) != 0x80) return -1;
        int n = 12 + 4 * (p[0] & 0x0F);
        if ((p[0] & 0x10) != 0) {
            if (length < n + 4) return -1;
            n += 4 + 4 * (((p[n + 2] & 0xFF) << 8) | (p[n + 3] & 0xFF));
        }
        return n <= length ? n : -1;
    }
}
