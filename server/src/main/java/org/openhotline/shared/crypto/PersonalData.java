package org.openhotline.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * the row mappers that call it are static functions, so the key ring is process-wide: {@link PersonalDataKeys}
 * joins it at start-up ({@link #join}). One process holds one ring — a second platform started in the same JVM
 * (the tests start several) uses the keys the process already holds rather than swapping in its own, which would
 * leave every row the first one sealed unopenable (the SealBroken failures of the first merge, ADR 041).
 *
 * <p>A sealed value is text: {@code ENC1.<key id>.<base64 of nonce ‖ SM4-GCM ciphertext ‖ tag>}. A value without
 * that prefix is a row written before encryption was switched on; {@link #open} returns it as it is until
 * {@link Resealing} has sealed it. Null and empty stay null and empty (they say nothing about anybody).
 */
public final class PersonalData {

    static final String PREFIX = "ENC1.";
    /** nonce and tag, 28 bytes, are 38 characters of unpadded base64; the prefix, a key id and a dot come first. */
    private static final int SHORTEST = PREFIX.length() + 2 + 38;
    private static final java.util.regex.Pattern SEALED = java.util.regex.Pattern.compile("ENC1\\.[1-9][0-9]{0,8}\\.[A-Za-z0-9+/]{38,}");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static volatile DataKeys keys;

    private PersonalData() {}

    static synchronized void install(DataKeys ring) {
        keys = ring;
    }

    /**
     * Makes this platform's keys ({@code environment} when set, else {@code file}) the process's ring and answers it:
     * see {@link #joined}.
     */
    static synchronized DataKeys join(String environment, Path file) {
        keys = joined(keys, environment, file);
        return keys;
    }

    /**
     * The ring a platform starting in a process that holds {@code installed} must use. With no ring yet: its own
     * (the environment's, its key file's, or a new one written to its key file). A key file that does not exist yet
     * gets the process's ring. A key file that is a subset of the process's ring (an older copy, from before a
     * rotation) is brought up to it; one that is a superset replaces it. Two rings with different keys cannot both
     * be current in one process: the start fails rather than seal rows under the other platform's keys.
     */
    static DataKeys joined(DataKeys installed, String environment, Path file) {
        boolean fromEnvironment = environment != null && !environment.isBlank();
        DataKeys own;
        if (fromEnvironment || installed == null || Files.exists(file)) {
            own = DataKeys.load(environment, file);
        } else {
            own = installed.writtenTo(file);
        }
        if (installed == null || own.covers(installed)) {
            return own;
        }
        if (installed.covers(own) && !fromEnvironment) {
            return installed.writtenTo(file);
        }
        throw new IllegalStateException("本进程已载入另一套个人数据密钥，不能同时使用两套密钥（" + (fromEnvironment
                ? "环境变量 HOTLINE_DATA_KEYS" : file) + " 与已载入的密钥不一致）");
    }

    static DataKeys keys() {
        DataKeys k = keys;
        if (k == null) {
            throw new IllegalStateException("个人数据密钥尚未加载");
        }
        return k;
    }

    public static String seal(String plain) {
        return seal(keys(), plain);
    }

    static String seal(DataKeys k, String plain) {
        if (plain == null || plain.isEmpty()) {
            return plain;
        }
        int id = k.current();
        byte[] sealed = Sm4Gcm.seal(k.key(id), plain.getBytes(StandardCharsets.UTF_8), null);
        return PREFIX + id + "." + B64.encodeToString(sealed);
    }

    public static String open(String stored) {
        return open(keys(), stored);
    }

    static String open(DataKeys k, String stored) {
        if (!isSealed(stored)) {
            return stored;
        }
        int dot = stored.indexOf('.', PREFIX.length());
        int id = Integer.parseInt(stored, PREFIX.length(), dot, 10);
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(stored.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new SealBroken("密文格式不正确");
        }
        return new String(Sm4Gcm.open(k.key(id), sealed, null), StandardCharsets.UTF_8);
    }

    /**
     * Whether a stored value is what {@link #seal} writes: the prefix, a key id, a dot and at least a nonce and a tag
     * in unpadded base64. Anything else is plaintext from before encryption — a citizen who types "ENC1.87.x" as a
     * name has that sealed like any name, and an old row holding it opens as itself instead of breaking every list.
     */
    static boolean isSealed(String stored) {
        return stored != null && stored.length() >= SHORTEST && stored.startsWith(PREFIX) && SEALED.matcher(stored).matches();
    }

    /** The key id a stored value is sealed under, 0 for plaintext (or null). */
    static int keyOf(String stored) {
        if (!isSealed(stored)) {
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
        return digits.isEmpty() ? null : mac(keys(), "phone:" + digits);
    }

    static byte[] phoneIndex(DataKeys k, String phone) {
        String digits = normalPhone(phone);
        return digits.isEmpty() ? null : mac(k, "phone:" + digits);
    }

    /** The blind index of a name, ID number or address: case, surrounding and repeated spaces ignored. */
    public static byte[] textIndex(String kind, String text) {
        return textIndex(keys(), kind, text);
    }

    static byte[] textIndex(DataKeys k, String kind, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return mac(k, kind + ":" + text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT));
    }

    /**
     * The blind index of an identifier another system gave a citizen (a WeChat openid): exact, case and every character
     * kept, since such identifiers are case-sensitive and never typed by hand. {@code kind} keeps equal strings of
     * different kinds apart. Null for null or empty.
     */
    public static byte[] idIndex(String kind, String id) {
        return idIndex(keys(), kind, id);
    }

    static byte[] idIndex(DataKeys k, String kind, String id) {
        return id == null || id.isEmpty() ? null : mac(k, "id:" + kind + ":" + id);
    }

    /**
     * Keyed grams: each 2-character gram of sealed text (an address, a caller's name) as a short keyed token
     * ({@code #} and 11 characters), so a search for 幸福路 still finds the orders whose address has 幸福 and 福路
     * without the grams table holding the address. Order and repetition of grams are not recoverable.
     */
    public static String[] keyedGrams(String[] grams) {
        Set<String> out = new LinkedHashSet<>();
        for (String g : grams) {
            out.add("#" + B64.encodeToString(Arrays.copyOf(mac(keys(), "gram:" + g), 8)));
        }
        return out.toArray(String[]::new);
    }

    /** Compiled once: {@code replaceAll} compiled it on every blind index of a number, several per order (issue 14). */
    private static final java.util.regex.Pattern NON_DIGITS = java.util.regex.Pattern.compile("[^0-9]");

    public static String normalPhone(String phone) {
        if (phone == null) {
            return "";
        }
        String digits = NON_DIGITS.matcher(phone).replaceAll("");
        if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        } else if (digits.length() == 13 && digits.startsWith("86")) {
            digits = digits.substring(2);
        }
        return digits;
    }

    private static byte[] mac(DataKeys k, String text) {
        HMac hmac = new HMac(new SM3Digest());
        hmac.init(new KeyParameter(k.indexKey()));
        byte[] in = text.getBytes(StandardCharsets.UTF_8);
        hmac.update(in, 0, in.length);
        byte[] out = new byte[hmac.getMacSize()];
        hmac.doFinal(out, 0);
        return Arrays.copyOf(out, 16);
    }
}
