package org.openhotline.callcenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.openhotline.testing.ApiClient;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What call-center tests set up through the admin API: their own skill group, a number routed to it, and new
 * agent accounts with an extension, so that they neither depend on nor disturb the demo agents.
 */
public final class CallCenterFixture {

    private final int port;
    private final JdbcClient jdbc;
    private final ApiClient manager;

    public CallCenterFixture(int port, JdbcClient jdbc) {
        this.port = port;
        this.jdbc = jdbc;
        this.manager = ApiClient.loggedIn(port, "manager");
    }

    /** A skill group with a 0 s after-call work; {@code extra} adds or overrides fields (e.g. announceIntervalS). */
    public long group(String code, String name, String strategy, Map<String, Object> extra) {
        // a first try of the same test (rerun in the same database) left a group of this code: it steps aside
        jdbc.sql("update cc_skill_group set code = left(code, 18) || '~' || id where code = ?").param(code).update();
        Map<String, Object> form = new HashMap<>(Map.of("code", code, "name", name, "strategy", strategy,
                "ringTimeoutS", 10, "maxWaitS", 120, "afterCallWorkS", 0));
        form.putAll(extra);
        var created = manager.post("/api/callcenter/admin/skill-groups", form);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    /**
     * Calls to {@code number} (a trunk number of the test context) skip the menu and queue for the group. The number's
     * earlier rules without a caller prefix go: of two rules alike the older wins, so a rerun's calls (or those of the
     * next test on the number) went to the skill group of the first try.
     */
    void route(String number, long groupId) {
        jdbc.sql("delete from cc_routing_rule where called_number = ? and caller_prefix is null").param(number).update();
        assertThat(manager.put("/api/callcenter/admin/numbers/" + number + "/flow", Map.of("flowId", "direct-to-agent")).status()).isEqualTo(200);
        assertThat(manager.post("/api/callcenter/admin/routing-rules", Map.of("calledNumber", number, "groupId", groupId,
                "priority", 100, "note", "测试")).status()).isEqualTo(201);
    }

    /**
     * Calls to {@code number} from callers whose number starts with {@code callerPrefix} skip the menu and queue for
     * the group, ahead of the number's rules of lower {@code priority}. Earlier rules for the same callers go, as in
     * {@link #route}.
     */
    void routeCallers(String number, String callerPrefix, long groupId, int priority, String note) {
        jdbc.sql("delete from cc_routing_rule where called_number = ? and caller_prefix = ?").params(number, callerPrefix).update();
        assertThat(manager.put("/api/callcenter/admin/numbers/" + number + "/flow", Map.of("flowId", "direct-to-agent")).status()).isEqualTo(200);
        assertThat(manager.post("/api/callcenter/admin/routing-rules", Map.of("calledNumber", number, "callerPrefix", callerPrefix,
                "groupId", groupId, "priority", priority, "note", note)).status()).isEqualTo(201);
    }

    private static final java.util.concurrent.atomic.AtomicInteger NEXT_EXTENSION =
            new java.util.concurrent.atomic.AtomicInteger(Math.floorMod(System.nanoTime(), 1_000_000));

    /**
     * An extension no agent holds, for tests whose agents never register a phone: eight digits from 61, a range no
     * test names. (Three random digits behind a test's own prefix met another agent's extension one run in a few
     * hundred, and the agent's set-up answered 409.)
     */
    public String freeExtension() {
        while (true) {
            String extension = "61" + String.format("%06d", Math.floorMod(NEXT_EXTENSION.getAndIncrement(), 1_000_000));
            if (jdbc.sql("select count(*) from cc_agent where extension = ?").param(extension).query(Integer.class)
                    .single() == 0) {
                return extension;
            }
        }
    }

    /** A new staff account with the agent role, agent number, extension (SIP password = demo password) and skills. */
    public long agent(String username, String agentNo, String extension, Map<Long, Integer> skills) {
        return agent(username, agentNo, extension, skills, "JZ");
    }

    /** The same, the account sitting at the org node of {@code nodeCode} (a team below the city). */
    public long agent(String username, String agentNo, String extension, Map<Long, Integer> skills, String nodeCode) {
        stepAside(username, agentNo, extension);
        var sysadmin = ApiClient.loggedIn(port, "sysadmin");
        var secadmin = ApiClient.loggedIn(port, "secadmin");
        long city = jdbc.sql("select id from org_node where code = ?").param(nodeCode).query(Long.class).single();
        var account = sysadmin.post("/api/accounts", Map.of("username", username, "displayName", "测试坐席" + agentNo,
                "orgNodeId", city, "password", ApiClient.DEMO_PASSWORD)).json();
        long id = account.path("id").asLong();
        assertThat(secadmin.put("/api/accounts/" + id + "/roles", Map.of("roles", List.of("AGENT"),
                "version", account.path("version").asInt())).status()).isEqualTo(200);
        assertThat(manager.put("/api/callcenter/admin/agents/" + id, Map.of("agentNo", agentNo, "extension", extension,
                "sipPassword", ApiClient.DEMO_PASSWORD, "skills", skills)).status()).isEqualTo(200);
        return id;
    }

    /**
     * The SIP tests name their agents, numbers and extensions (their phones register with them): a first try of the
     * same test, rerun in the same database, left an account and agent with them, which step aside under names of
     * their own ("ccdesk1~412"). Its calls stay with it, so the new agent starts with none.
     */
    private void stepAside(String username, String agentNo, String extension) {
        jdbc.sql("update account set username = username || '~' || id where username = ?").param(username).update();
        jdbc.sql("update account set agent_no = left(agent_no, 10) || '~' || id where agent_no = ?").param(agentNo).update();
        jdbc.sql("""
                update cc_agent set agent_no = left(agent_no, 10) || '~' || account_id,
                                    extension = case when extension = :extension then null else extension end
                 where agent_no = :agentNo or extension = :extension""")
                .param("agentNo", agentNo).param("extension", extension).update();
    }

}
