package org.openhotline.callcenter.internal.teams;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.openhotline.identity.StaffDirectory;
import org.openhotline.shared.DomainException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * SQL for {@code cc_team} and the agents' {@code team_id}. Who is in which team is kept in memory as well: the seat
 * wall asks it on every state push and must not wait on a query; every write drops the copy after its commit.
 */
@Repository
public class Teams {

    /** Team of each agent and name of each team, as one consistent copy. */
    public record Membership(Map<Long, Long> teamOfAgent, Map<Long, String> names, Map<Long, Set<Long>> ledBy) {}

    private final JdbcClient jdbc;
    private final StaffDirectory staff;
    private volatile Membership membership;

    Teams(JdbcClient jdbc, StaffDirectory staff) {
        this.jdbc = jdbc;
        this.staff = staff;
    }

    public List<Team> all() {
        Map<Long, List<Long>> members = new HashMap<>();
        jdbc.sql("select team_id, account_id from cc_agent where team_id is not null order by agent_no")
                .query(rs -> {
                    members.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>()).add(rs.getLong(2));
                });
        record Row(long id, String name, Long leaderId, int version) {}
        List<Row> rows = jdbc.sql("select id, name, leader_id, version from cc_team order by name").query(Row.class).list();
        Map<Long, String> names = staff.byIds(rows.stream().map(Row::leaderId).filter(java.util.Objects::nonNull).toList())
                .stream().collect(Collectors.toMap(StaffDirectory.Staff::accountId, StaffDirectory.Staff::displayName));
        return rows.stream().map(r -> new Team(r.id(), r.name(), r.leaderId(),
                r.leaderId() == null ? null : names.get(r.leaderId()), List.copyOf(members.getOrDefault(r.id(), List.of())),
                r.version())).toList();
    }

    /** Every agent with its team, as {@link TeamController.Person} without the name. */
    List<TeamController.Person> agents() {
        return jdbc.sql("select account_id, agent_no, team_id from cc_agent where enabled order by agent_no")
                .query((rs, n) -> new TeamController.Person(rs.getLong(1), null, rs.getString(2),
                        (Long) rs.getObject(3, Long.class)))
                .list();
    }

    public Optional<Team> find(long id) {
        return all().stream().filter(t -> t.id() == id).findFirst();
    }

    Team get(long id) {
        return find(id).orElseThrow(() -> DomainException.notFound("班组不存在"));
    }

    long insert(String name, Long leaderId) {
        try {
            return jdbc.sql("insert into cc_team (name, leader_id) values (?, ?) returning id").params(name, leaderId)
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("已有同名班组：" + name);
        } finally {
            changed();
        }
    }

    void update(long id, String name, Long leaderId, int version) {
        int rows;
        try {
            rows = jdbc.sql("update cc_team set name = ?, leader_id = ?, version = version + 1 where id = ? and version = ?")
                    .params(name, leaderId, id, version).update();
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("已有同名班组：" + name);
        }
        if (rows == 0) {
            get(id);
            throw DomainException.conflict("该班组已被他人修改，请刷新后重试");
        }
        changed();
    }

    void delete(long id) {
        jdbc.sql("update cc_agent set team_id = null where team_id = ?").param(id).update();
        jdbc.sql("delete from cc_team where id = ?").param(id).update();
        changed();
    }

    /** Makes {@code members} the team's agents: they leave their former team, former members leave this one. */
    void setMembers(long id, Collection<Long> members) {
        if (!members.isEmpty()) {
            long known = jdbc.sql("select count(*) from cc_agent where account_id in (:ids)").param("ids", members)
                    .query(Long.class).single();
            if (known != Set.copyOf(members).size()) {
                throw DomainException.invalid("只能把已配置工号的坐席加入班组");
            }
        }
        jdbc.sql("update cc_agent set team_id = null where team_id = ?").param(id).update();
        if (!members.isEmpty()) {
            jdbc.sql("update cc_agent set team_id = :team where account_id in (:ids)").param("team", id)
                    .param("ids", members).update();
        }
        jdbc.sql("update cc_team set version = version + 1 where id = ?").param(id).update();
        changed();
    }

    /** The teams that lost members to {@code id} when it was given {@code members} (their members changed too). */
    List<Long> teamsOf(Collection<Long> members, long except) {
        if (members.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select distinct team_id from cc_agent where account_id in (:ids) and team_id is not null and team_id <> :t")
                .param("ids", members).param("t", except).query(Long.class).list();
    }

    public boolean leadersLimited() {
        return jdbc.sql("select leaders_limited from cc_team_policy where id = 1").query(Boolean.class).single();
    }

    void setLeadersLimited(boolean limited) {
        jdbc.sql("update cc_team_policy set leaders_limited = ?, version = version + 1 where id = 1").param(limited).update();
    }

    /** Each agent's team and each team's name, read from memory (reloaded after a change). */
    public Membership membership() {
        Membership m = membership;
        if (m == null) {
            Map<Long, Long> teamOf = new HashMap<>();
            jdbc.sql("select account_id, team_id from cc_agent where team_id is not null")
                    .query(rs -> {
                        teamOf.put(rs.getLong(1), rs.getLong(2));
                    });
            Map<Long, String> names = new HashMap<>();
            Map<Long, Set<Long>> ledBy = new HashMap<>();
            jdbc.sql("select id, name, leader_id from cc_team").query(rs -> {
                names.put(rs.getLong(1), rs.getString(2));
                long leader = rs.getLong(3);
                if (!rs.wasNull()) {
                    ledBy.computeIfAbsent(leader, k -> new java.util.HashSet<>()).add(rs.getLong(1));
                }
            });
            m = new Membership(Map.copyOf(teamOf), Map.copyOf(names), Map.copyOf(ledBy));
            membership = m;
        }
        return m;
    }

    /** Drops the in-memory copy now and again after the commit (a reader in between may have loaded the old rows). */
    private void changed() {
        membership = null;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    membership = null;
                }
            });
        }
    }
}
