package org.openhotline.audit.internal.chain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The audit chain's HMAC key, kept outside the database: from {@code hotline.audit.chain-key} (64 hex characters,
 * e.g. from the environment {@code HOTLINE_AUDIT_CHAIN_KEY}), else from the key file
 * {@code hotline.audit.chain-key-file} (default {@code <data-dir>/keys/audit-chain.key}), which the first start
 * creates with 256 random bits, readable by the platform's user only (0600). Lose the key and old records can no
 * longer be verified; keep a copy with the backups, apart from the database dump.
 */
@Component
public class ChainKey {

    private final byte[] key;

    ChainKey(@Value("${hotline.audit.chain-key:}") String configured,
             @Value("${hotline.audit.chain-key-file:${hotline.data-dir}/keys/audit-chain.key}") Path file) {
        this.key = configured.isBlank() ? fromFile(file) : parse(configured, "hotline.audit.chain-key");
    }

    public byte[] bytes() {
        return key.clone();
    }

    private static byte[] fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                return parse(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
            }
            Files.createDirectories(file.toAbsolutePath().getParent(), PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, HexFormat.of().formatHex(fresh) + "\n", StandardCharsets.US_ASCII);
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("审计链密钥文件无法读写: " + file, e);
        }
    }

    private static byte[] parse(String hex, String where) {
        try {
            byte[] bytes = HexFormat.of().parseHex(hex.trim());
            if (bytes.length < 16) {
                throw new IllegalStateException(where + ": the audit chain key needs at least 128 bits (32 hex characters)");
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + ": the audit chain key must be hex", e);
        }
    }
}
