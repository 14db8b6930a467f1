package org.openhotline.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Seals and opens citizens' personal data in table columns, and computes their blind indexes. Static because
 * the row mappers that call it are static functions and the key ring is process-wide, like the data directory;
 * {@link PersonalDataKeys} installs the ring at start-up.
 *
 * <p>A sealed value is text: {@code ENC1.<key id>.<base64 of nonce ‖ SM4-GCM ciphertext ‖ tag>}. A value without
 * that prefix is a row written before encryption was switched on; {@link #open} returns it as it is until
 * {@link Resealing} has sealed it. Null and empty stay null and empty (they say nothing about anybody).
 */
public final class PersonalData {

    static final String PREFIX = "ENC1.";
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static volatile DataKeys keys;

    private PersonalData() {}

    static void install(DataKeys ring) {
        keys = ring;
    }

    static DataKeys keys() {
        DataKeys k = keys;
        if (k == null) {
            throw new IllegalStateException("个人数据密钥尚未加载");
        }
        return k;
    }

    public static String seal(String plain) {
        if (plain == null || plain.isEmpty()) {
            return plain;
        }
        DataKeys k = keys();
        int id = k.current();
        byte[] sealed = Sm4Gcm.seal(k.key(id), plain.getBytes(StandardCharsets.UTF_8), null);
        return PREFIX + id + "." + B64.encodeToString(sealed);
    }

    public static String open(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        int dot = stored.indexOf('.', PREFIX.length());
        if (dot < 0) {
            throw new SealBroken("密文格式不正确");
        }
        int id = Integer.parseInt(stored, PREFIX.length(), dot, 10);
        byte[] sealed = Base64.getDecoder().decode(stored.substring(dot + 1));
        return new String(Sm4Gcm.open(keys().key(id), sealed, null), StandardCharsets.UTF_8);
    }

    /** The key id a stored value is sealed under, 0 for plaintext (or null). */
    static int keyOf(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return 0;
        }
        return Integer.parseInt(stored, PREFIX.length(), stored.indexOf('.', PREFIX.length()), 10);
    }

    /**
     * The blind index of a phone number: HMAC-SM3 under the index key over its digits (a leading 0086 or +86 of a
     * 13-digit number dropped, so 8613800000000 and 13800000000 are one caller), first 16 bytes. Null when the
     * number has no digits. Equal numbers give equal indexes; the index says nothing else without the key.
     */
    public static byte[] phoneIndex(String phone) {
        String digits = normalPhone(phone);
        return digits.isEmpty() ? null : mac("phone:" + digits);
    }

    /** The blind index of a name, ID number or address: case, surrounding and repeated spaces ignored. */
    public static byte[] textIndex(String kind, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return mac(kind + ":" + text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT));
    }

    /**
     * Keyed grams: each 2-character gram of sealed text (an address, a caller's name) as a short keyed token
     * ({@code #} and 11 characters), so a search for 幸福路 still finds the orders whose address has 幸福 and 福路
     * without the grams table holding the address. Order and repetition of grams are not recoverable.
     */
    public static String[] keyedGrams(String[] grams) {
        Set<String> out = new LinkedHashSet<>();
        for (String g : grams) {
            out.add("#" + B64.encodeToString(Arrays.copyOf(mac("gram:" + g), 8)));
        }
        return out.toArray(String[]::new);
    }

    public static String normalPhone(String phone) {
        if (phone == null) {
            return "";
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        } else if (digits.length() == 13 && digits.startsWith("86")) {
            digits = digits.substring(2);
        }
        return digits;
    }

    private static byte[] mac(String text) {
        HMac hmac = new HMac(new SM3Digest());
        hmac.init(new KeyParameter(keys().indexKey()));
        byte[] in = text.getBytes(StandardCharsets.UTF_8);
        hmac.update(in, 0, in.length);
        byte[] out = new byte[hmac.getMacSize()];
        hmac.doFinal(out, 0);
        return Arrays.copyOf(out, 16);
    }
}
