package org.openhotline.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Password guessing from one address is slowed down by the platform, not by locking the accounts it guesses. */
@HotlineTest
class LoginThrottleTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void twentyFailedLoginsInAMinuteFromOneAddressGet429WithRetryAfter() {
        var someone = new FreshAccounts(port, jdbc).create("thr", "QC_INSPECTOR");
        var attacker = ApiClient.fromOwnAddress(port);
        for (int i = 0; i < 20; i++) { // spraying many usernames: no account gets locked, the address is counted
            assertThat(attacker.login("sprayed-" + i, "Guess-Password-" + i).status()).isEqualTo(401);
        }

        var refused = attacker.login(someone.username(), FreshAccounts.PASSWORD); // even the right password waits
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(refused.detail()).matches("登录失败次数过多，请 \\d+ 秒后再试");
        long retryAfter = Long.parseLong(refused.header("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(refused.json().path("retryAfterSeconds").asLong()).isEqualTo(retryAfter);

        assertThat(ApiClient.fromOwnAddress(port).login(someone.username(), FreshAccounts.PASSWORD).status())
                .as("another address is not throttled, and the account is not locked").isEqualTo(200);
        long audited = jdbc.sql("""
                select count(*) from audit_event where action = 'auth.throttled' and target = ? and source_ip = ?
                   and result = 'FAILURE'""")
                .params("ip:" + attacker.sourceAddress(), attacker.sourceAddress()).query(Long.class).single();
        assertThat(audited).isEqualTo(1);
    }
}
