package org.openhotline.identity.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.openhotline.identity.internal.mfa.RecoveryCodes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for each account's authenticator secret and recovery codes. */
@Repository
class SecondFactors {

    /** An account's authenticator: confirmed once the first code from the app was accepted. */
    record Authenticator(long accountId, String secret, boolean confirmed, long lastStep) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    SecondFactors(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Authenticator> of(long accountId) {
        return jdbc.sql("select account_id, secret, confirmed_at is not null, last_step from account_second_factor where account_id = ?")
                .param(accountId).query((rs, n) -> new Authenticator(rs.getLong(1), rs.getString(2), rs.getBoolean(3),
                        rs.getLong(4))).optional();
    }

    boolean enrolled(long accountId) {
        return of(accountId).map(Authenticator::confirmed).orElse(false);
    }

    /** A new secret waiting for its first code; replaces an earlier unconfirmed one (never a confirmed one). */
    void start(long accountId, String secret) {
        jdbc.sql("""
                insert into account_second_factor (account_id, secret, created_at) values (?, ?, ?)
                on conflict (account_id) do update set secret = excluded.secret, created_at = excluded.created_at,
                       last_step = 0
                 where account_second_factor.confirmed_at is null""")
                .params(accountId, secret, OffsetDateTime.now(clock)).update();
    }

    /**
     * Records {@code step} as used; false when another request used it (or a later one) first, so one code
     * cannot log in twice even when two requests race.
     */
    boolean use(long accountId, long step) {
        return jdbc.sql("update account_second_factor set last_step = ? where account_id = ? and last_step < ?")
                .params(step, accountId, step).update() == 1;
    }

    void confirm(long accountId, List<String> recoveryCodes) {
        jdbc.sql("update account_second_factor set confirmed_at = ? where account_id = ?")
                .params(OffsetDateTime.now(clock), accountId).update();
        jdbc.sql("delete from account_recovery_code where account_id = ?").param(accountId).update();
        for (String code : recoveryCodes) {
            jdbc.sql("insert into account_recovery_code (account_id, code_hash) values (?, ?)")
                    .params(accountId, RecoveryCodes.hash(code)).update();
        }
    }

    /** Spends a recovery code; false when it is unknown or spent. */
    boolean spendRecoveryCode(long accountId, String code) {
        return jdbc.sql("update account_recovery_code set used_at = ? where account_id = ? and code_hash = ? and used_at is null")
                .params(OffsetDateTime.now(clock), accountId, RecoveryCodes.hash(code)).update() == 1;
    }

    int recoveryCodesLeft(long accountId) {
        return jdbc.sql("select count(*) from account_recovery_code where account_id = ? and used_at is null")
                .param(accountId).query(Integer.class).single();
    }

    /** Forgets the authenticator and its codes (a reset by the admin, a recovery, or the holder turning it off). */
    boolean remove(long accountId) {
        jdbc.sql("delete from account_recovery_code where account_id = ?").param(accountId).update();
        return jdbc.sql("delete from account_second_factor where account_id = ?").param(accountId).update() == 1;
    }
}
