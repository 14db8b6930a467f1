package org.openhotline.callcenter.internal.agents;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for agents (工号, extension) and their skills per group with levels 1–5. */
@Repository
public class AgentRoster {

    public record Agent(long accountId, String agentNo, String extension, boolean enabled, Map<Long, Integer> skills) {}

    private final JdbcClient jdbc;

    AgentRoster(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Agent> all() {
        Map<Long, Map<Long, Integer>> skills = new HashMap<>();
        jdbc.sql("select account_id, group_id, level from cc_agent_skill").query(rs -> {
            skills.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getLong(2), rs.getInt(3));
        });
        return jdbc.sql("select account_id, agent_no, extension, enabled from cc_agent order by agent_no")
                .query((rs, n) -> new Agent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        Map.copyOf(skills.getOrDefault(rs.getLong(1), Map.of()))))
                .list();
    }

    public Optional<Agent> find(long accountId) {
        Map<Long, Integer> skills = new HashMap<>();
        jdbc.sql("select group_id, level from cc_agent_skill where account_id = ?").param(accountId)
                .query(rs -> {
                    skills.put(rs.getLong(1), rs.getInt(2));
                });
        return jdbc.sql("select account_id, agent_no, extension, enabled from cc_agent where account_id = ?")
                .param(accountId)
                .query((rs, n) -> new Agent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), Map.copyOf(skills)))
                .optional();
    }

    /** The SIP digest secret of an extension, for the engine's registrar. */
    public java.util.Optional<String> sipPassword(String extension) {
        return jdbc.sql("select sip_password from cc_agent where extension = ? and enabled and sip_password is not null")
                .param(extension).query(String.class).optional();
    }

    public void setSipPassword(long accountId, String password) {
        jdbc.sql("update cc_agent set sip_password = ? where account_id = ?").params(password, accountId).update();
    }

    /** Creates or replaces an agent and its skills. */
    public void save(long accountId, String agentNo, String extension, boolean enabled, Map<Long, Integer> skills) {
        jdbc.sql("""
                insert into cc_agent (account_id, agent_no, extension, enabled) values (?, ?, ?, ?)
                on conflict (account_id) do update set agent_no = excluded.agent_no, extension = excluded.extension,
                                                       enabled = excluded.enabled""")
                .params(accountId, agentNo, extension, enabled).update();
        jdbc.sql("delete from cc_agent_skill where account_id = ?").param(accountId).update();
        skills.forEach((group, level) -> jdbc.sql("insert into cc_agent_skill (account_id, group_id, level) values (?, ?, ?)")
                .params(accountId, group, level).update());
    }
}
