package org.openhotline.channels.internal.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import org.openhotline.shared.crypto.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Receipts of the citizens' channels ({@code ch_receipt}): the query code (查询码) that, with the order number,
 * opens the order's progress to whoever holds the receipt. Eight characters from an alphabet without look-alikes
 * (about 10^12 codes), stored as a hash salted with the order id; the query endpoint is rate-limited. The citizen's
 * IP address is kept sealed (personal data under PIPL, ADR 041), to trace an abusive submission back to its source.
 */
@Component
public class Receipts {

    private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    Receipts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Issues the query code of a new order (returned once, never stored in the clear). */
    public String issue(long orderId, String channel, boolean phoneConfirmed, String clientAddress, Instant at) {
        return issue(orderId, channel, phoneConfirmed, clientAddress, at, null);
    }

    /**
     * Issues the query code and, for a submit carrying an {@code Idempotency-Key}, keeps the code sealed with that
     * key so that a retry of the same submit can be answered with the same receipt ({@link #replay}).
     */
    public String issue(long orderId, String channel, boolean phoneConfirmed, String clientAddress, Instant at,
                        String idempotencyKey) {
        char[] code = new char[8];
        for (int i = 0; i < code.length; i++) {
            code[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        String queryCode = new String(code);
        jdbc.sql("""
                insert into ch_receipt (work_order_id, channel, query_code_hash, phone_confirmed, client_address, created_at,
                                        idempotency_hash, sealed_code)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (work_order_id) do nothing""")
                .params(orderId, channel, hash(orderId, queryCode), phoneConfirmed, PersonalData.seal(clientAddress), Timestamp.from(at),
                        idempotencyKey == null ? null : keyHash(channel, idempotencyKey),
                        idempotencyKey == null ? null : SealedCodes.seal(idempotencyKey, queryCode))
                .update();
        return queryCode;
    }

    public record Replayed(long orderId, String queryCode, boolean phoneConfirmed) {}

    /** The receipt a submit with this key was given, its query code unsealed with the key. */
    public java.util.Optional<Replayed> replay(String channel, String idempotencyKey) {
        if (idempotencyKey == null) {
            return java.util.Optional.empty();
        }
        return jdbc.sql("select work_order_id, sealed_code, phone_confirmed from ch_receipt where idempotency_hash = ?")
                .param(keyHash(channel, idempotencyKey))
                .query((rs, n) -> new Replayed(rs.getLong(1), SealedCodes.open(idempotencyKey, rs.getString(2)),
                        rs.getBoolean(3)))
                .optional();
    }

    private static String keyHash(String channel, String idempotencyKey) {
        return PhoneCodes.hash("idempotency:" + channel + ":" + idempotencyKey);
    }

    public boolean matches(long orderId, String queryCode) {
        if (queryCode == null || queryCode.isBlank() || queryCode.length() > 20) {
            return false;
        }
        String stored = jdbc.sql("select query_code_hash from ch_receipt where work_order_id = ?").param(orderId)
                .query(String.class).optional().orElse(null);
        return stored != null && MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII),
                hash(orderId, queryCode.strip().toUpperCase()).getBytes(StandardCharsets.US_ASCII));
    }

    static String hash(long orderId, String code) {
        return PhoneCodes.hash(orderId + ":" + code);
    }
}
