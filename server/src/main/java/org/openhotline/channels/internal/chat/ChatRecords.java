package org.openhotline.channels.internal.chat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.crypto.PersonalData;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for {@code ch_chat} and its participants. The citizen's name and number and a follower's openid are sealed at
 * rest (ADR 041, {@link SealedChatColumns}); a follower's open chat is found by the openid's index.
 */
@Repository
class ChatRecords {

    private static final RowMapper<Chat> ROW = (rs, n) -> new Chat(rs.getObject("id", UUID.class), rs.getString("token_hash"),
            rs.getString("source"), PersonalData.open(rs.getString("wechat_openid")), PersonalData.open(rs.getString("citizen_name")),
            PersonalData.open(rs.getString("citizen_phone")),
            rs.getLong("group_id"), rs.getString("state"), (Long) rs.getObject("agent_id"), rs.getInt("last_seq"),
            instant(rs.getTimestamp("queued_at")), instant(rs.getTimestamp("answered_at")), instant(rs.getTimestamp("ended_at")),
            rs.getString("ended_by"), (Long) rs.getObject("order_id"), rs.getString("rating"));

    private final JdbcClient jdbc;

    ChatRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, String tokenHash, String source, String openid, String name, String phone, long groupId, Instant at) {
        jdbc.sql("""
                insert into ch_chat (id, token_hash, source, wechat_openid, wechat_openid_index, citizen_name, citizen_phone, group_id,
                                     state, queued_at, citizen_seen_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'WAITING', ?, ?)""")
                .params(id, tokenHash, source, PersonalData.seal(openid), OpenIds.index(openid), PersonalData.seal(name), PersonalData.seal(phone), groupId, Timestamp.from(at),
                        Timestamp.from(at))
                .update();
    }

    Optional<Chat> find(UUID id) {
        return jdbc.sql("select * from ch_chat where id = ?").param(id).query(ROW).optional();
    }

    Chat get(UUID id) {
        return find(id).orElseThrow(() -> DomainException.notFound("会话不存在"));
    }

    /** The row locked for a change (state changes of one chat happen one at a time). */
    Chat lock(UUID id) {
        return jdbc.sql("select * from ch_chat where id = ? for update").param(id).query(ROW).optional()
                .orElseThrow(() -> DomainException.notFound("会话不存在"));
    }

    void assigned(UUID id, long agentId, Instant at) {
        jdbc.sql("""
                update ch_chat set state = 'ACTIVE', agent_id = ?, answered_at = coalesce(answered_at, ?), version = version + 1
                 where id = ?""").params(agentId, Timestamp.from(at), id).update();
    }

    void requeued(UUID id, long groupId) {
        jdbc.sql("update ch_chat set state = 'WAITING', agent_id = null, group_id = ?, version = version + 1 where id = ?")
                .params(groupId, id).update();
    }

    void ended(UUID id, String state, String by, Instant at) {
        jdbc.sql("update ch_chat set state = ?, ended_by = ?, ended_at = ?, version = version + 1 where id = ?")
                .params(state, by, Timestamp.from(at), id).update();
    }

    void rated(UUID id, String grade) {
        jdbc.sql("update ch_chat set rating = ? where id = ?").params(grade, id).update();
    }

    void ordered(UUID id, long orderId) {
        jdbc.sql("update ch_chat set order_id = ? where id = ?").params(orderId, id).update();
    }

    List<Chat> activeOf(long agentId) {
        return jdbc.sql("""
                select * from ch_chat where state = 'ACTIVE' and (agent_id = ?
                    or id in (select chat_id from ch_chat_participant where account_id = ?)) order by answered_at""")
                .params(agentId, agentId).query(ROW).list();
    }

    List<Chat> open() {
        return jdbc.sql("select * from ch_chat where state in ('WAITING', 'ACTIVE') order by queued_at").query(ROW).list();
    }

    /**
     * The follower's open chat, by the openid's index — or, only until Resealing has passed it after the upgrade that
     * sealed openids, by the plain openid a row from before still holds (a ciphertext never equals an openid).
     */
    Optional<Chat> openOfWechat(String openid) {
        return jdbc.sql("""
                select * from ch_chat where (wechat_openid_index = ? or wechat_openid = ?) and state in ('WAITING', 'ACTIVE')
                 order by queued_at desc limit 1""")
                .params(OpenIds.index(openid), openid).query(ROW).optional();
    }

    /**
     * WeChat chats still waiting whose follower has written nothing since {@code before} (nor queued after it): WeChat
     * never says that a follower left, silence is all there is.
     */
    List<UUID> silentWechat(Instant before) {
        return jdbc.sql("""
                select c.id from ch_chat c
                 where c.state = 'WAITING' and c.source = 'WECHAT' and c.queued_at < ?
                   and not exists (select 1 from ch_chat_message m
                                    where m.chat_id = c.id and m.sender = 'CITIZEN' and m.at >= ?)""")
                .params(Timestamp.from(before), Timestamp.from(before)).query(UUID.class).list();
    }

    /** The citizens of these open chats were on a socket at {@code at}. */
    void seen(java.util.Collection<UUID> ids, Instant at) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("""
                update ch_chat set citizen_seen_at = :at
                 where id in (:ids) and state in ('WAITING', 'ACTIVE')""")
                .param("at", Timestamp.from(at)).param("ids", List.copyOf(ids)).update();
    }

    /** Waiting web chats whose citizen no node has seen on a socket since {@code before}. */
    List<UUID> goneWeb(Instant before) {
        return jdbc.sql("""
                select id from ch_chat
                 where state = 'WAITING' and source = 'WEB' and coalesce(citizen_seen_at, queued_at) < ?""")
                .param(Timestamp.from(before)).query(UUID.class).list();
    }

    /**
     * The place of each of these chats in its group's queue as stored (1-based; chats not waiting are left out):
     * the ACD orders a group's waiting chats by the time they first queued, a transferred chat keeping its own.
     */
    Map<UUID, Integer> places(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Integer> places = new java.util.HashMap<>();
        jdbc.sql("""
                select id, place from (
                    select w.id, row_number() over (partition by w.group_id order by w.queued_at, w.id) as place
                      from ch_chat w
                     where w.state = 'WAITING'
                       and w.group_id in (select group_id from ch_chat where id in (:ids) and state = 'WAITING')) q
                 where id in (:ids)""")
                .param("ids", List.copyOf(ids))
                .query(rs -> {
                    places.put(rs.getObject(1, UUID.class), rs.getInt(2));
                });
        return places;
    }

    boolean join(UUID id, long accountId, Instant at) {
        return jdbc.sql("insert into ch_chat_participant (chat_id, account_id, joined_at) values (?, ?, ?) on conflict do nothing")
                .params(id, accountId, Timestamp.from(at)).update() > 0;
    }

    List<Long> participants(UUID id) {
        return jdbc.sql("select account_id from ch_chat_participant where chat_id = ?").param(id).query(Long.class).list();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
