package org.openhotline.channels.internal.portal;

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
import org.openhotline.channels.PortalSmsCodeRequested;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.crypto.PersonalData;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Confirms that a citizen holds a phone: a 6-digit code sent by SMS (the notification module sends it on
 * {@link PortalSmsCodeRequested}, published in this transaction), valid 10 minutes, five tries, used once. A right
 * code yields a phone token valid 30 minutes — the portal's proof of the phone for submitting and querying. Codes
 * and tokens are stored as SHA-256 hashes only; the number is sealed, found by its blind index (ADR 041).
 */
@Component
public class PhoneCodes {

    static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(30);
    static final int MAX_ATTEMPTS = 5;

    public enum Purpose { FOLLOW_ORDER, QUERY }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final SecureRandom random = new SecureRandom();

    PhoneCodes(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public UUID send(String phone, Purpose purpose) {
        String code = String.format("%06d", random.nextInt(1_000_000));
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into ch_phone_code (request_id, phone, phone_index, purpose, code_hash, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, PersonalData.seal(phone), PersonalData.phoneIndex(phone), purpose.name(), hash(id + ":" + code), Timestamp.from(now),
                        Timestamp.from(now.plus(CODE_LIFETIME))).update();
        events.publishEvent(PortalSmsCodeRequested.of(id.toString(), phone, code, purpose.name(), now));
        return id;
    }

    /** Checks the code; right → a phone token (shown once). Wrong tries count; the fifth spends the code. */
    @Transactional(noRollbackFor = DomainException.class)
    public String confirm(UUID requestId, String phone, String code) {
        Instant now = clock.instant();
        var row = jdbc.sql("""
                select code_hash, attempts, expires_at, used_at from ch_phone_code
                 where request_id = ? and phone_index = ? for update""")
                .params(requestId, PersonalData.phoneIndex(phone))
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant(), rs.getTimestamp(4)})
                .optional().orElseThrow(() -> DomainException.badRequest("短信验证码不正确，请重新获取"));
        if (row[3] != null || now.isAfter((Instant) row[2]) || (int) row[1] >= MAX_ATTEMPTS) {
            throw DomainException.badRequest("短信验证码已失效，请重新获取").with("code", "sms-code-expired");
        }
        if (code == null || !MessageDigest.isEqual(((String) row[0]).getBytes(StandardCharsets.US_ASCII),
                hash(requestId + ":" + code.strip()).getBytes(StandardCharsets.US_ASCII))) {
            jdbc.sql("update ch_phone_code set attempts = attempts + 1 where request_id = ?").param(requestId).update();
            throw DomainException.badRequest("短信验证码不正确").with("code", "sms-code-wrong");
        }
        String token = UUID.randomUUID() + "-" + Long.toHexString(random.nextLong());
        jdbc.sql("update ch_phone_code set used_at = ?, token_hash = ?, token_expires_at = ? where request_id = ?")
                .params(Timestamp.from(now), hash(token), Timestamp.from(now.plus(TOKEN_LIFETIME)), requestId).update();
        return token;
    }

    /** The phone a live token proves, or a 401-like refusal. */
    public String phoneOf(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            throw DomainException.forbidden("请先通过短信验证码验证手机号");
        }
        return jdbc.sql("select phone from ch_phone_code where token_hash = ? and token_expires_at >= ?")
                .params(hash(token.strip()), Timestamp.from(clock.instant())).query(String.class).optional()
                .map(PersonalData::open)
                .orElseThrow(() -> DomainException.forbidden("手机验证已过期，请重新获取短信验证码"));
    }

    public static String hash(String s) {
        return org.openhotline.shared.crypto.Digests.sha256Hex(s);
    }
}
