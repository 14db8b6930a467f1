package org.openhotline.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openhotline.testing.ApiClient;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Accounts the identity tests create for themselves, so that no test locks, disables or re-roles a demo account
 * another test logs in with. Created the way an operator would: the system admin creates, the security admin
 * grants the role.
 */
public final class FreshAccounts {

    public static final String PASSWORD = "Fresh-Pass-2026!";

    private final int port;
    private final JdbcClient jdbc;
    private ApiClient sysadmin;
    private ApiClient secadmin;

    public FreshAccounts(int port, JdbcClient jdbc) {
        this.port = port;
        this.jdbc = jdbc;
    }

    public record Created(long id, String username) {}

    /** A new account in the city center holding {@code roles} (none when empty), password {@link #PASSWORD}. */
    public Created create(String prefix, String... roles) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        long city = jdbc.sql("select id from org_node where code = 'JZ'").query(Long.class).single();
        if (sysadmin == null) {
            sysadmin = ApiClient.loggedIn(port, "sysadmin");
            secadmin = ApiClient.loggedIn(port, "secadmin");
        }
        var created = sysadmin.post("/api/accounts", Map.of("username", username,
                "displayName", "测试账号", "orgNodeId", city, "password", PASSWORD));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        if (roles.length > 0) {
            var granted = secadmin.put("/api/accounts/" + id + "/roles",
                    Map.of("roles", List.of(roles), "version", created.json().path("version").asInt()));
            assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        }
        // Like the demo accounts the other tests log in with: no second factor, no change at first login, no ageing
        // (hotline.demo.enabled is on in tests). The tests of those rules create accounts that are not marked.
        jdbc.sql("update account set demo = true where id = ?").param(id).update();
        return new Created(id, username);
    }

    /** A client logged in as a fresh account, failing the test otherwise. */
    public ApiClient login(String username) {
        var client = new ApiClient(port);
        var response = client.login(username, PASSWORD);
        assertThat(response.status()).as("login " + username + ": " + response.body()).isEqualTo(200);
        return client;
    }
}
