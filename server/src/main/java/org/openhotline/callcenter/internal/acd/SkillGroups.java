package org.openhotline.callcenter.internal.acd;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.openhotline.callcenter.internal.acd.RoutingStrategy;
import org.openhotline.callcenter.internal.acd.SkillGroup;
import org.openhotline.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code cc_skill_group}. */
@Repository
public class SkillGroups {

    public record Row(long id, String code, String name, RoutingStrategy strategy, Long overflowGroupId,
               Integer overflowAfterS, int ringTimeoutS, int maxWaitS, int afterCallWorkS, boolean enabled,
               int version, Integer announceIntervalS, int chatCapacity, int chatsWithCall) {

        public Row(long id, String code, String name, RoutingStrategy strategy, Long overflowGroupId, Integer overflowAfterS,
            int ringTimeoutS, int maxWaitS, int afterCallWorkS, boolean enabled, int version, Integer announceIntervalS) {
            this(id, code, name, strategy, overflowGroupId, overflowAfterS, ringTimeoutS, maxWaitS, afterCallWorkS, enabled,
                    version, announceIntervalS, SkillGroup.DEFAULT_CHAT_CAPACITY, SkillGroup.DEFAULT_CHATS_WITH_CALL);
        }

        public SkillGroup toAcd() {
            return new SkillGroup(id, code, name, strategy, overflowGroupId,
                    overflowAfterS == null ? null : Duration.ofSeconds(overflowAfterS),
                    Duration.ofSeconds(ringTimeoutS), Duration.ofSeconds(maxWaitS), chatCapacity, chatsWithCall);
        }
    }

    private static final String SELECT = """
            select id, code, name, strategy, overflow_group_id, overflow_after_s, ring_timeout_s, max_wait_s,
                   after_call_work_s, enabled, version, announce_interval_s, chat_capacity, chats_with_call from cc_skill_group""";

    private final JdbcClient jdbc;

    SkillGroups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Row> all() {
        return jdbc.sql(SELECT + " order by id").query(Row.class).list();
    }

    public Optional<Row> find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(Row.class).optional();
    }

    public Optional<Row> byCode(String code) {
        return jdbc.sql(SELECT + " where code = ?").param(code).query(Row.class).optional();
    }

    public long insert(Row r) {
        return jdbc.sql("""
                insert into cc_skill_group (code, name, strategy, overflow_group_id, overflow_after_s, ring_timeout_s,
                                            max_wait_s, after_call_work_s, enabled, announce_interval_s, chat_capacity,
                                            chats_with_call)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(r.code(), r.name(), r.strategy().name(), r.overflowGroupId(), r.overflowAfterS(),
                        r.ringTimeoutS(), r.maxWaitS(), r.afterCallWorkS(), r.enabled(), r.announceIntervalS(),
                        r.chatCapacity(), r.chatsWithCall())
                .query(Long.class).single();
    }

    public void update(Row r) {
        int rows = jdbc.sql("""
                update cc_skill_group set name = ?, strategy = ?, overflow_group_id = ?, overflow_after_s = ?,
                       ring_timeout_s = ?, max_wait_s = ?, after_call_work_s = ?, enabled = ?, announce_interval_s = ?,
                       chat_capacity = ?, chats_with_call = ?, version = version + 1
                 where id = ? and version = ?""")
                .params(r.name(), r.strategy().name(), r.overflowGroupId(), r.overflowAfterS(), r.ringTimeoutS(),
                        r.maxWaitS(), r.afterCallWorkS(), r.enabled(), r.announceIntervalS(), r.chatCapacity(),
                        r.chatsWithCall(), r.id(), r.version())
                .update();
        if (rows == 0) {
            throw DomainException.conflict("技能组已被他人修改，请刷新后重试");
        }
    }
}
