package org.openhotline.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.openhotline.identity.LoginAttempted;
import org.openhotline.identity.StaffSmsCodeRequested;
import org.openhotline.shared.DomainException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * SMS codes for the login's second step: 6 digits, valid 5 minutes, 5 wrong tries spend it, used once, only the
 * newest code of an account counts. Sending is limited per account (one a minute, five an hour) so that a known
 * password cannot be used to flood the holder's phone or the SMS budget. The code leaves this module in
 * {@link StaffSmsCodeRequested}, published in the sending transaction; the table keeps only its SHA-256.
 */
@Component
class SmsCodes {

    static final Duration LIFETIME = Duration.ofMinutes(5);
    static final int MAX_ATTEMPTS = 5;
    static final Duration RESEND_AFTER = Duration.ofMinutes(1);
    static final int MAX_PER_HOUR = 5;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final SecureRandom random = new SecureRandom();

    SmsCodes(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /** Sends a new code to the account's phone, or refuses with 429 (and how long to wait) or 409 (no number). */
    @org.springframework.transaction.annotation.Transactional(noRollbackFor = DomainException.class)
    public void send(Account account) {
        if (account.phone() == null || account.phone().isBlank()) {
            events.publishEvent(new LoginAttempted(account.username(), "sms-no-phone"));
            throw DomainException.conflict("账号未登记手机号，无法发送短信验证码，请联系系统管理员登记手机号");
        }
        Instant now = clock.instant();
        // one sender at a time per account, so two quick requests cannot both pass the limit
        jdbc.sql("select id from account where id = ? for update").param(account.id()).query(Long.class).single();
        var recent = jdbc.sql("""
                select max(created_at), count(*) from account_sms_code where account_id = ? and created_at > ?""")
                .params(account.id(), Timestamp.from(now.minus(Duration.ofHours(1))))
                .query((rs, n) -> new Object[] {rs.getTimestamp(1), rs.getLong(2)}).single();
        long wait = 0;
        if (recent[0] != null) {
            Instant last = ((Timestamp) recent[0]).toInstant();
            if (last.plus(RESEND_AFTER).isAfter(now)) {
                wait = Duration.between(now, last.plus(RESEND_AFTER)).toSeconds() + 1;
            } else if ((long) recent[1] >= MAX_PER_HOUR) {
                Instant oldest = jdbc.sql("""
                        select min(created_at) from account_sms_code where account_id = ? and created_at > ?""")
                        .params(account.id(), Timestamp.from(now.minus(Duration.ofHours(1))))
                        .query(Timestamp.class).single().toInstant();
                wait = Duration.between(now, oldest.plus(Duration.ofHours(1))).toSeconds() + 1;
            }
        }
        if (wait > 0) {
            events.publishEvent(new LoginAttempted(account.username(), "sms-code-limited"));
            throw new DomainException(HttpStatus.TOO_MANY_REQUESTS, "sms-code-too-often",
                    "短信验证码发送过于频繁，请 " + wait + " 秒后再试").with("retryAfterSeconds", wait);
        }
        String code = String.format("%06d", random.nextInt(1_000_000));
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into account_sms_code (id, account_id, code_hash, created_at, expires_at) values (?, ?, ?, ?, ?)""")
                .params(id, account.id(), hash(id + ":" + code), Timestamp.from(now), Timestamp.from(now.plus(LIFETIME)))
                .update();
        events.publishEvent(StaffSmsCodeRequested.of(id.toString(), account.id(), account.phone().strip(), code, now));
        events.publishEvent(new LoginAttempted(account.username(), "sms-code-sent"));
    }

    /**
     * Checks {@code code} against the account's newest code: true once (it is spent), false when wrong (a try
     * counted; the fifth spends the code), expired, spent or missing.
     */
    boolean verify(long accountId, String code) {
        Instant now = clock.instant();
        var row = jdbc.sql("""
                select id, code_hash, attempts, expires_at, used_at from account_sms_code
                 where account_id = ? order by created_at desc limit 1 for update""")
                .param(accountId)
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5)}).optional();
        if (row.isEmpty()) {
            return false;
        }
        Object[] r = row.get();
        UUID id = (UUID) r[0];
        if (r[4] != null || !now.isBefore((Instant) r[3]) || (int) r[2] >= MAX_ATTEMPTS) {
            return false;
        }
        String given = code == null ? "" : code.strip();
        if (!MessageDigest.isEqual(((String) r[1]).getBytes(StandardCharsets.US_ASCII),
                hash(id + ":" + given).getBytes(StandardCharsets.US_ASCII))) {
            jdbc.sql("update account_sms_code set attempts = attempts + 1 where id = ?").param(id).update();
            return false;
        }
        return jdbc.sql("update account_sms_code set used_at = ? where id = ? and used_at is null")
                .params(Timestamp.from(now), id).update() == 1;
    }

    /** 13812345678 → 138****5678; short or missing numbers show nothing. */
    static String mask(String phone) {
        if (phone == null) {
            return null;
        }
        String p = phone.strip();
        return p.length() < 7 ? "****" : p.substring(0, 3) + "****" + p.substring(p.length() - 4);
    }

    private static String hash(String s) {
        return org.openhotline.shared.crypto.Digests.sha256Hex(s);
    }
}
