package org.openhotline.identity;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** What other modules may know about staff accounts: names, roles and where they sit, never credentials. */
@Service
public class StaffDirectory {

    public record Staff(long accountId, String username, String displayName, long orgNodeId, String agentNo,
                        boolean enabled, Set<Role> roles) {}

    private final JdbcClient jdbc;

    StaffDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Staff> byId(long accountId) {
        return find("a.id = :v", accountId).stream().findFirst();
    }

    public Optional<Staff> byUsername(String username) {
        return find("a.username = :v", username).stream().findFirst();
    }

    public List<Staff> byIds(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : find("a.id in (:v)", ids);
    }

    /** Enabled accounts holding the role, e.g. every AGENT for the call center. */
    public List<Staff> withRole(Role role) {
        return find("exists (select 1 from account_role r where r.account_id = a.id and r.role = :v) and a.enabled", role.name());
    }

    /** Ids of the agents (accounts whose roles grant {@code call:agent}) sitting at the node of {@code orgPath} or below. */
    public List<Long> agentIdsUnder(String orgPath) {
        return jdbc.sql("""
                select a.id from account a join org_node o on o.id = a.org_node_id
                 where o.path like ? and exists (select 1 from account_role r join role_permission p on p.role = r.role
                                                  where r.account_id = a.id and p.permission = 'call:agent')
                 order by a.id""")
                .param(orgPath + "%").query(Long.class).list();
    }

    private List<Staff> find(String where, Object value) {
        return jdbc.sql("""
                select a.id, a.username, a.display_name, a.org_node_id, a.agent_no, a.enabled,
                       coalesce((select string_agg(r.role, ',') from account_role r where r.account_id = a.id), '') as roles
                  from account a where """ + " " + where + " order by a.id")
                .param("v", value)
                .query((rs, n) -> new Staff(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getBoolean(6), rs.getString(7).isEmpty() ? Set.of()
                                : java.util.Arrays.stream(rs.getString(7).split(",")).map(Role::valueOf)
                                .collect(java.util.stream.Collectors.toUnmodifiableSet())))
                .list();
    }
}
