package org.openhotline.channels.internal.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Receipts of the citizens' channels ({@code ch_receipt}): the query code (查询码) that, with the order number,
 * opens the order's progress to whoever holds the receipt. Eight characters from an alphabet without look-alikes
 * (about 10^12 codes), stored as a hash salted with the order id; the query endpoint is rate-limited.
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
        char[] code = new char[8];
        for (int i = 0; i < code.length; i++) {
            code[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        String queryCode = new String(code);
        jdbc.sql("""
                insert into ch_receipt (work_order_id, channel, query_code_hash, phone_confirmed, client_address, created_at)
                values (?, ?, ?, ?, ?, ?) on conflict (work_order_id) do nothing""")
                .params(orderId, channel, hash(orderId, queryCode), phoneConfirmed, clientAddress, Timestamp.from(at))
                .update();
        return queryCode;
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
