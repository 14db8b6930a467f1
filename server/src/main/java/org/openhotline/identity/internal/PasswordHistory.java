package org.openhotline.identity.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.openhotline.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The history rule: a new password may not be any of the account's last {@code historyCount} passwords. Each
 * password set is kept as its hash; the check compares against the hashes (Argon2, so a few matches cost a few
 * tenths of a second, once per change).
 */
@Component
class PasswordHistory {

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final Clock clock;

    PasswordHistory(JdbcClient jdbc, PasswordEncoder encoder, Clock clock) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.clock = clock;
    }

    void check(Account account, String newPassword, int historyCount) {
        if (historyCount <= 0) {
            return;
        }
        if (encoder.matches(newPassword, account.passwordHash())) {
            throw DomainException.invalid("新密码不能与最近 " + historyCount + " 次使用过的密码相同");
        }
        var recent = jdbc.sql("select password_hash from password_history where account_id = ? order by changed_at desc, id desc limit ?")
                .params(account.id(), historyCount).query(String.class).list();
        if (recent.stream().anyMatch(hash -> encoder.matches(newPassword, hash))) {
            throw DomainException.invalid("新密码不能与最近 " + historyCount + " 次使用过的密码相同");
        }
    }

    void remember(long accountId, String hash) {
        jdbc.sql("insert into password_history (account_id, password_hash, changed_at) values (?, ?, ?)")
                .params(accountId, hash, OffsetDateTime.now(clock)).update();
    }
}
