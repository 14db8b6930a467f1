package org.openhotline.identity.internal.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Single sign-on against a real OpenID provider (Spring Authorization Server started here): the browser goes to the
 * provider with a PKCE challenge, signs in there, comes back with a code, and gets the session of the local account
 * whose employee number the ID token names — with the roles granted here. Someone the platform does not know gets
 * no session; while SSO is on, password login is left to the three admins.
 */
@HotlineTest
class SsoLoginTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SsoSettingsStore store;

    @Test
    void staffSignInAtTheCitysProviderWithPkceAndGetTheirLinkedAccountsSessionWhileOnlyAdminsKeepPasswords() throws Exception {
        String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String employeeNo = "E" + suffix;
        String username = "sso_" + suffix;
        long accountId = jdbc.sql("""
                insert into account (username, display_name, password_hash, org_node_id, agent_no, created_at, updated_at)
                values (?, '单点登录测试员', '{noop}not-used', (select id from org_node where code = 'JZ'), ?, ?, ?) returning id""")
                .params(username, employeeNo, Instant.now().atOffset(ZoneOffset.UTC), Instant.now().atOffset(ZoneOffset.UTC))
                .query(Long.class).single();
        jdbc.sql("insert into account_role (account_id, role) values (?, 'AGENT')").param(accountId).update();
        String redirect = "http://localhost:" + port + "/login/oauth2/code/city";
        var secadmin = ApiClient.loggedIn(port, "secadmin");
        int version = secadmin.get("/api/identity/sso").json().path("version").asInt();
        try (var idp = new IdentityProvider(redirect, Map.of("zhang.wei", employeeNo, "li.na", "E-not-linked"))) {
            assertThat(new ApiClient(port).get("/sso/options").json().path("sso").asBoolean()).isFalse();
            assertThat(ApiClient.loggedIn(port, "agent1").get("/api/identity/sso").status()).isEqualTo(403);
            Map<String, Object> form = new HashMap<>(Map.of("version", version, "enabled", true, "issuerUri", idp.issuer(),
                    "clientId", IdentityProvider.CLIENT_ID, "clientSecret", IdentityProvider.CLIENT_SECRET,
                    "linkClaim", "employee_number", "linkField", "AGENT_NO", "localLoginAdminsOnly", true));
            var saved = secadmin.put("/api/identity/sso", form);
            assertThat(saved.status()).as(saved.body()).isEqualTo(200);
            assertThat(saved.body()).doesNotContain(IdentityProvider.CLIENT_SECRET);
            version = saved.json().path("version").asInt();
            try {
                JsonNode options = new ApiClient(port).get("/sso/options").json();
                assertThat(options.path("sso").asBoolean()).isTrue();
                assertThat(options.path("label").asString()).isEqualTo("统一身份认证登录");

                Browser browser = new Browser();
                HttpResponse<String> toProvider = browser.get("http://localhost:" + port + options.path("url").asString());
                assertThat(toProvider.statusCode()).isEqualTo(302);
                String authorize = location(toProvider);
                assertThat(authorize).startsWith(idp.issuer() + "/oauth2/authorize").contains("code_challenge=")
                        .contains("code_challenge_method=S256").contains("state=").contains("nonce=")
                        .contains("client_id=" + IdentityProvider.CLIENT_ID);

                HttpResponse<String> back = browser.signInAtProvider(authorize, idp, "zhang.wei");
                assertThat(location(back)).startsWith(redirect + "?code=");
                HttpResponse<String> landed = browser.get(location(back));
                assertThat(landed.statusCode()).isEqualTo(302);
                assertThat(location(landed)).isIn("/", "http://localhost:" + port + "/"); // Tomcat may keep it relative
                HttpResponse<String> me = browser.get("http://localhost:" + port + "/api/auth/me");
                assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
                JsonNode who = JSON.readTree(me.body());
                assertThat(who.path("username").asString()).isEqualTo(username);
                assertThat(who.path("roles").toString()).contains("AGENT");
                assertThat(who.path("permissions").toString()).contains("workorder:intake");
                assertThat(jdbc.sql("select count(*) from audit_event where action = 'auth.login' and target = ?")
                        .param("account:" + username).query(Long.class).single()).isEqualTo(1);

                // Someone the provider knows but no account here is linked to: back to the login page, no session.
                Browser stranger = new Browser();
                HttpResponse<String> refused = stranger.get(location(stranger.signInAtProvider(location(
                        stranger.get("http://localhost:" + port + "/oauth2/authorization/city")), idp, "li.na")));
                assertThat(refused.statusCode()).isEqualTo(302);
                assertThat(URLDecoder.decode(location(refused), StandardCharsets.UTF_8)).contains("/login?ssoError=")
                        .contains("未关联");
                assertThat(stranger.get("http://localhost:" + port + "/api/auth/me").statusCode()).isEqualTo(401);

                // Password login is left to the three admins while SSO is on — the same answer for unknown names.
                var agent = new ApiClient(port).post("/api/auth/login", Map.of("username", "agent1", "password", ApiClient.DEMO_PASSWORD));
                assertThat(agent.status()).isEqualTo(403);
                assertThat(agent.detail()).contains("统一身份认证");
                assertThat(new ApiClient(port).post("/api/auth/login", Map.of("username", "nobody-" + suffix, "password", "x"))
                        .status()).isEqualTo(403);
                assertThat(ApiClient.loggedIn(port, "sysadmin").get("/api/auth/me").status()).isEqualTo(200);
            } finally {
                form.put("version", version);
                form.put("enabled", false);
                form.remove("clientSecret");
                var off = secadmin.put("/api/identity/sso", form);
                assertThat(off.status()).as(off.body()).isEqualTo(200);
            }
        } finally {
            jdbc.sql("delete from account where id = ?").param(accountId).update();
        }
        assertThat(store.current().enabled()).isFalse();
        assertThat(ApiClient.loggedIn(port, "agent1").get("/api/auth/me").status()).isEqualTo(200);
        var off = new Browser().get("http://localhost:" + port + "/oauth2/authorization/city");
        assertThat(off.statusCode()).isEqualTo(302);
        assertThat(URLDecoder.decode(location(off), StandardCharsets.UTF_8)).contains("未启用统一身份认证");
    }

    private static String location(HttpResponse<?> r) {
        return r.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no redirect: " + r.statusCode()));
    }

    /** A browser without JavaScript: keeps cookies per host, follows nothing by itself. */
    private static final class Browser {
        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String url) throws Exception {
            // A browser asks for HTML (the provider then sends it to its login page instead of answering 401); the
            // web UI's calls to /api ask for JSON.
            String accept = url.contains("/api/") ? "application/json" : "text/html,application/xhtml+xml";
            return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        /** Follows the provider's login form and returns its redirect back to the platform. */
        HttpResponse<String> signInAtProvider(String authorize, IdentityProvider idp, String user) throws Exception {
            HttpResponse<String> r = get(authorize);
            assertThat(location(r)).startsWith(idp.issuer() + "/login");
            HttpResponse<String> page = get(idp.issuer() + "/login");
            Matcher m = CSRF.matcher(page.body());
            assertThat(m.find()).as(page.body()).isTrue();
            String body = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(IdentityProvider.PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                    + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
            HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(idp.issuer() + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(signedIn.statusCode()).isEqualTo(302);
            r = get(location(signedIn));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
            return r;
        }
    }
}
