package org.openhotline.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 三权分立, the whole matrix: each admin (and one ordinary manager as a control actor) × each account action ×
 * each kind of target (a fresh account holding each admin power, and a fresh ordinary account as the control).
 * No account may act on an account holding an admin power it does not hold itself. A refused cell must leave the
 * target exactly as it was: same password (it still logs in with it), same enabled and lock state, same name,
 * roles and version, sessions still alive.
 */
@HotlineTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminPowersMatrixTest {

    /** Y = allowed, - = refused. Columns follow {@link Action}'s order. */
    private static final String EXPECTED = """
            actor       target      reset disable enable unlock edit grant revoke end-sessions
            sysadmin    SYS_ADMIN   Y     Y       Y      Y      Y    -     -      Y
            sysadmin    SEC_ADMIN   -     -       -      -      -    -     -      -
            sysadmin    AUDIT_ADMIN -     -       -      -      -    -     -      -
            sysadmin    ORDINARY    Y     Y       Y      Y      Y    -     -      Y
            secadmin    SYS_ADMIN   -     -       -      -      -    -     -      -
            secadmin    SEC_ADMIN   -     -       -      Y      -    Y     Y      Y
            secadmin    AUDIT_ADMIN -     -       -      -      -    -     -      -
            secadmin    ORDINARY    -     -       -      Y      -    Y     Y      Y
            auditadmin  SYS_ADMIN   -     -       -      -      -    -     -      -
            auditadmin  SEC_ADMIN   -     -       -      -      -    -     -      -
            auditadmin  AUDIT_ADMIN -     -       -      -      -    -     -      -
            auditadmin  ORDINARY    -     -       -      -      -    -     -      -
            manager     SYS_ADMIN   -     -       -      -      -    -     -      -
            manager     SEC_ADMIN   -     -       -      -      -    -     -      -
            manager     AUDIT_ADMIN -     -       -      -      -    -     -      -
            manager     ORDINARY    -     -       -      -      -    -     -      -
            """;

    enum Action { RESET_PASSWORD, DISABLE, ENABLE, UNLOCK, EDIT, GRANT_ROLE, REVOKE_ROLE, END_SESSIONS }

    private static final List<String> ADMIN_POWERS = List.of("SYS_ADMIN", "SEC_ADMIN", "AUDIT_ADMIN");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private FreshAccounts fresh;
    private final Map<String, ApiClient> actors = new HashMap<>();

    @BeforeAll
    void actorsLogIn() {
        fresh = new FreshAccounts(port, jdbc);
        for (String actor : List.of("sysadmin", "secadmin", "auditadmin", "manager")) {
            actors.put(actor, ApiClient.loggedIn(port, actor));
        }
    }

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        EXPECTED.lines().skip(1).map(String::trim).filter(l -> !l.isEmpty()).forEach(line -> {
            String[] f = line.split("\\s+");
            for (Action action : Action.values()) {
                cells.add(Arguments.of(f[0], action, f[1], f[2 + action.ordinal()].equals("Y")));
            }
        });
        return cells.stream();
    }

    /** The target's stored state that a refused action must leave alone. */
    record State(String passwordHash, boolean enabled, boolean locked, String displayName, int version, String roles) {}

    private State state(long id) {
        return jdbc.sql("""
                select a.password_hash, a.enabled, a.locked_until is not null, a.display_name, a.version,
                       coalesce((select string_agg(role, ',' order by role) from account_role where account_id = a.id), '')
                  from account a where a.id = ?""").param(id)
                .query((rs, n) -> new State(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3), rs.getString(4),
                        rs.getInt(5), rs.getString(6))).single();
    }

    @ParameterizedTest(name = "{0} {1} {2} → {3}")
    @MethodSource("cells")
    void eachCellOfTheMatrix(String actor, Action action, String targetKind, boolean allowed) {
        boolean adminTarget = ADMIN_POWERS.contains(targetKind);
        var target = adminTarget ? fresh.create("mx", targetKind) : fresh.create("mx", "QC_INSPECTOR");
        long id = target.id();
        ApiClient targetSession = action == Action.END_SESSIONS ? fresh.login(target.username()) : null;
        if (action == Action.ENABLE) {
            jdbc.sql("update account set enabled = false where id = ?").param(id).update();
        }
        if (action == Action.UNLOCK) {
            jdbc.sql("update account set failed_logins = 5, locked_until = now() + interval '1 hour' where id = ?")
                    .param(id).update();
        }
        State before = state(id);

        var response = perform(actors.get(actor), action, id, targetKind, before);

        if (allowed) {
            assertThat(response.status()).as(response.body()).isBetween(200, 204);
            assertEffect(action, target, targetKind, targetSession);
            return;
        }
        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(state(id)).isEqualTo(before);
        boolean foreignPower = adminTarget && !ownPower(actor).equals(targetKind) && holdsPermission(actor, action);
        if (foreignPower) {
            assertThat(response.detail()).contains("三权分立");
            long refusals = jdbc.sql("""
                    select count(*) from audit_event where action = 'account.refused' and target = ? and actor = ?
                       and result = 'FAILURE'""").params("account:" + target.username(), actor)
                    .query(Long.class).single();
            assertThat(refusals).isEqualTo(1);
        }
        if (action == Action.END_SESSIONS) {
            assertThat(targetSession.get("/api/auth/me").status()).isEqualTo(200);
        }
        if (action != Action.ENABLE && action != Action.UNLOCK) {
            assertThat(new ApiClient(port).login(target.username(), FreshAccounts.PASSWORD).status())
                    .as("the target still logs in with its own password").isEqualTo(200);
        }
    }

    private ApiClient.Response perform(ApiClient as, Action action, long id, String targetKind, State before) {
        String base = "/api/accounts/" + id;
        return switch (action) {
            case RESET_PASSWORD -> as.post(base + "/reset-password", Map.of("password", "Taken-Over-2026!"));
            case DISABLE -> as.post(base + "/disable", null);
            case ENABLE -> as.post(base + "/enable", null);
            case UNLOCK -> as.post(base + "/unlock", null);
            case EDIT -> {
                long node = jdbc.sql("select org_node_id from account where id = ?").param(id).query(Long.class).single();
                yield as.put(base, Map.of("displayName", "被改名", "orgNodeId", node, "version", before.version()));
            }
            case GRANT_ROLE -> as.put(base + "/roles", Map.of("roles", grantedRoles(targetKind), "version", before.version()));
            case REVOKE_ROLE -> as.put(base + "/roles", Map.of("roles", List.of(), "version", before.version()));
            case END_SESSIONS -> as.post(base + "/end-sessions", null);
        };
    }

    /**
     * 班组管理 is structure, like units and regions: the system administrator's (org:manage). The security and audit
     * administrators and the hotline manager are refused and change nothing.
     */
    private static final String TEAM_ACTIONS = """
            actor       create, edit, set members, policy, delete
            sysadmin    Y
            secadmin    -
            auditadmin  -
            manager     -
            """;

    static Stream<Arguments> teamCells() {
        return TEAM_ACTIONS.lines().skip(1).map(String::trim).filter(l -> !l.isEmpty())
                .map(l -> l.split("\\s+")).map(f -> Arguments.of(f[0], f[1].equals("Y")));
    }

    @ParameterizedTest(name = "{0} manages teams → {1}")
    @MethodSource("teamCells")
    void teamsAreManagedByTheSystemAdministrator(String actor, boolean allowed) {
        var sysadmin = actors.get("sysadmin");
        var as = actors.get(actor);
        String name = "矩阵班组" + System.nanoTime() % 100000;
        var created = as.post("/api/callcenter/teams", Map.of("name", name));
        long team;
        if (allowed) {
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            team = created.json().path("id").asLong();
        } else {
            assertThat(created.status()).isEqualTo(403);
            assertThat(jdbc.sql("select count(*) from cc_team where name = ?").param(name).query(Long.class).single()).isZero();
            team = sysadmin.post("/api/callcenter/teams", Map.of("name", name)).json().path("id").asLong();
        }
        int version = jdbc.sql("select version from cc_team where id = ?").param(team).query(Integer.class).single();
        int expected = allowed ? 200 : 403;
        assertThat(as.put("/api/callcenter/teams/" + team, Map.of("name", name + "改", "version", version)).status())
                .isEqualTo(expected);
        assertThat(as.put("/api/callcenter/teams/" + team + "/members", Map.of("members", List.of())).status())
                .isEqualTo(expected);
        assertThat(as.put("/api/callcenter/teams/policy", Map.of("leadersLimited", true)).status()).isEqualTo(expected);
        assertThat(as.delete("/api/callcenter/teams/" + team).status()).isEqualTo(allowed ? 204 : 403);
        long left = jdbc.sql("select count(*) from cc_team where id = ?").param(team).query(Long.class).single();
        assertThat(left).isEqualTo(allowed ? 0 : 1);
        if (!allowed) {
            assertThat(jdbc.sql("select name from cc_team where id = ?").param(team).query(String.class).single())
                    .isEqualTo(name);
            sysadmin.delete("/api/callcenter/teams/" + team);
        }
    }

    /** For an admin target another admin power (an admin holds no business role); else one more business role. */
    private static List<String> grantedRoles(String targetKind) {
        int i = ADMIN_POWERS.indexOf(targetKind);
        return i >= 0 ? List.of(ADMIN_POWERS.get((i + 1) % 3)) : List.of("QC_INSPECTOR", "LEADER");
    }

    private void assertEffect(Action action, FreshAccounts.Created target, String targetKind, ApiClient targetSession) {
        State after = state(target.id());
        switch (action) {
            case RESET_PASSWORD -> assertThat(new ApiClient(port).login(target.username(), "Taken-Over-2026!").status())
                    .isEqualTo(200);
            case DISABLE -> assertThat(after.enabled()).isFalse();
            case ENABLE -> assertThat(after.enabled()).isTrue();
            case UNLOCK -> assertThat(after.locked()).isFalse();
            case EDIT -> assertThat(after.displayName()).isEqualTo("被改名");
            case GRANT_ROLE -> assertThat(after.roles()).isEqualTo(String.join(",", grantedRoles(targetKind).stream().sorted().toList()));
            case REVOKE_ROLE -> assertThat(after.roles()).isEmpty();
            case END_SESSIONS -> assertThat(targetSession.get("/api/auth/me").status()).isEqualTo(401);
        }
    }

    private static String ownPower(String actor) {
        return switch (actor) {
            case "sysadmin" -> "SYS_ADMIN";
            case "secadmin" -> "SEC_ADMIN";
            case "auditadmin" -> "AUDIT_ADMIN";
            default -> "";
        };
    }

    /** Whether the actor's role has the endpoint's permission at all (otherwise the refusal is a plain 403). */
    private static boolean holdsPermission(String actor, Action action) {
        return switch (actor) {
            case "sysadmin" -> action != Action.GRANT_ROLE && action != Action.REVOKE_ROLE;
            case "secadmin" -> action == Action.UNLOCK || action == Action.END_SESSIONS
                    || action == Action.GRANT_ROLE || action == Action.REVOKE_ROLE;
            default -> false;
        };
    }
}
