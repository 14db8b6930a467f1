package org.openhotline.shared.crypto;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The data keys: SM4 keys by id (the id is written into every ciphertext, so rows sealed under an older key
 * still open after a rotation) and the blind-index key. They live outside the database — in
 * {@code data-dir/keys/personal-data.keys} (created 0600 on first start) or, when set, in the environment
 * variable {@code HOTLINE_DATA_KEYS} (same lines, separated by {@code ;}), so a stolen dump or backup of the
 * database alone reveals nothing. Format:
 * <pre>
 * current=2
 * data.1=base64 of 16 bytes
 * data.2=…
 * index=base64 of 32 bytes
 * </pre>
 * The index key never rotates with the data keys: every blind index would have to be recomputed from
 * plaintext at once (see ADR 041).
 */
public final class DataKeys {

    private final Path file;
    private final Map<Integer, byte[]> data;
    private final int current;
    private final byte[] index;

    private DataKeys(Path file, Map<Integer, byte[]> data, int current, byte[] index) {
        this.file = file;
        this.data = Map.copyOf(data);
        this.current = current;
        this.index = index;
        if (!this.data.containsKey(current)) {
            throw new IllegalStateException("个人数据密钥文件缺少当前密钥 data." + current);
        }
        if (index.length < 16) {
            throw new IllegalStateException("个人数据密钥文件中的 index 密钥过短");
        }
    }

    /** From the environment text when given, else from the key file, which is created when absent. */
    public static DataKeys load(String environment, Path file) {
        if (environment != null && !environment.isBlank()) {
            return parse(environment.replace(';', '\n'), null);
        }
        try {
            if (!Files.exists(file)) {
                return fresh().writtenTo(file);
            }
            return parse(Files.readString(file), file);
        } catch (IOException e) {
            throw new UncheckedIOException("个人数据密钥文件无法读写: " + file, e);
        }
    }

    /** A new ring, key 1 and an index key, in no file yet. */
    static DataKeys fresh() {
        return new DataKeys(null, Map.of(1, Sm4Gcm.randomKey()), 1, random(32));
    }

    static DataKeys parse(String text, Path file) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<Integer, byte[]> data = new TreeMap<>();
        for (String name : p.stringPropertyNames()) {
            if (name.startsWith("data.")) {
                data.put(Integer.parseInt(name.substring(5)), Base64.getDecoder().decode(p.getProperty(name).strip()));
            }
        }
        String index = p.getProperty("index");
        String current = p.getProperty("current");
        if (index == null || current == null) {
            throw new IllegalStateException("个人数据密钥缺少 current 或 index 行");
        }
        return new DataKeys(file, data, Integer.parseInt(current.strip()), Base64.getDecoder().decode(index.strip()));
    }

    /**
     * A ring with a new current key, written to {@code target} (this platform's key file) first, atomically, so no
     * row is sealed under a key that is lost.
     */
    DataKeys rotated(Path target) {
        if (target == null) {
            throw new IllegalStateException("密钥来自环境变量 HOTLINE_DATA_KEYS：请在环境中加入新密钥并重启，再执行重新加密");
        }
        int next = data.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        Map<Integer, byte[]> more = new TreeMap<>(data);
        more.put(next, Sm4Gcm.randomKey());
        return new DataKeys(target, more, next, index).writtenTo(target);
    }

    /** This ring written to {@code target} (0600, atomically), as the ring of that file. */
    DataKeys writtenTo(Path target) {
        StringBuilder text = new StringBuilder("# OpenHotline personal-data keys. Back this file up apart from the database.\n");
        text.append("current=").append(current).append('\n');
        new TreeMap<>(data).forEach((id, key) -> text.append("data.").append(id).append('=').append(b64(key)).append('\n'));
        text.append("index=").append(b64(index)).append('\n');
        try {
            Files.createDirectories(target.getParent());
            write(target, text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("个人数据密钥文件无法写入: " + target, e);
        }
        return new DataKeys(target, data, current, index);
    }

    /**
     * Whether every ciphertext {@code other} can open, this ring opens too: the same index key, and each of its data
     * keys here under the same id. (Then this ring may stand in for {@code other}: it is {@code other} or a rotation of it.)
     */
    boolean covers(DataKeys other) {
        if (!java.util.Arrays.equals(index, other.index)) {
            return false;
        }
        for (var e : other.data.entrySet()) {
            byte[] mine = data.get(e.getKey());
            if (mine == null || !java.util.Arrays.equals(mine, e.getValue())) {
                return false;
            }
        }
        return true;
    }

    /**
     * A check value per key ({@code data.N}, {@code index}): the first 16 bytes of HMAC-SHA256 under the key over a
     * fixed text, hex. It tells whether two nodes hold the same key without saying anything of the key
     * ({@link DataKeyCheck}).
     */
    Map<String, String> checks() {
        Map<String, String> out = new TreeMap<>();
        data.forEach((id, key) -> out.put("data." + id, check(key)));
        out.put("index", check(index));
        return out;
    }

    private static String check(byte[] key) {
        try {
            var mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            byte[] v = mac.doFinal("OpenHotline data key check".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(v, 0, 16);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key file this ring was read from or written to; null when it came from the environment. */
    Path file() {
        return file;
    }

    int current() {
        return current;
    }

    byte[] key(int id) {
        byte[] key = data.get(id);
        if (key == null) {
            throw new SealBroken("密文使用的密钥 " + id + " 不在密钥文件中");
        }
        return key;
    }

    byte[] indexKey() {
        return index;
    }

    private static void write(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, text);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new java.security.SecureRandom().nextBytes(b);
        return b;
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }
}
