package org.openhotline.reporting.internal.facts;

import java.sql.Timestamp;
import org.openhotline.channels.ChatEvents;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code rpt_chat_fact}, one row per online chat. Each event fills its own columns of the row (an upsert),
 * so the events may arrive in any order and twice: a repeated event writes the same values again.
 */
@Component
class ChatFacts {

    private final JdbcClient jdbc;

    ChatFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(ChatEvents.ChatOffered e) {
        jdbc.sql("""
                insert into rpt_chat_fact (chat_id, source, group_id, offered_at) values (?, ?, ?, ?)
                on conflict (chat_id) do update set source = excluded.source, group_id = excluded.group_id,
                                                    offered_at = excluded.offered_at""")
                .params(e.chatId(), e.source(), e.groupId(), Timestamp.from(e.at())).update();
    }

    @ApplicationModuleListener
    void on(ChatEvents.ChatAnswered e) {
        jdbc.sql("""
                insert into rpt_chat_fact (chat_id, agent_id, answered_at) values (?, ?, ?)
                on conflict (chat_id) do update set agent_id = excluded.agent_id, answered_at = excluded.answered_at""")
                .params(e.chatId(), e.agentId(), Timestamp.from(e.at())).update();
    }

    @ApplicationModuleListener
    void on(ChatEvents.ChatAbandoned e) {
        jdbc.sql("""
                insert into rpt_chat_fact (chat_id, abandoned_at) values (?, ?)
                on conflict (chat_id) do update set abandoned_at = excluded.abandoned_at""")
                .params(e.chatId(), Timestamp.from(e.at())).update();
    }

    @ApplicationModuleListener
    void on(ChatEvents.ChatEnded e) {
        jdbc.sql("""
                insert into rpt_chat_fact (chat_id, agent_id, ended_at, ended_by, messages, order_id) values (?, ?, ?, ?, ?, ?)
                on conflict (chat_id) do update set agent_id = coalesce(excluded.agent_id, rpt_chat_fact.agent_id),
                       ended_at = excluded.ended_at, ended_by = excluded.ended_by, messages = excluded.messages,
                       order_id = coalesce(excluded.order_id, rpt_chat_fact.order_id)""")
                .params(e.chatId(), e.agentId(), Timestamp.from(e.at()), e.endedBy(), e.messages(), e.orderId()).update();
    }

    @ApplicationModuleListener
    void on(ChatEvents.ChatRated e) {
        jdbc.sql("""
                insert into rpt_chat_fact (chat_id, rating) values (?, ?)
                on conflict (chat_id) do update set rating = excluded.rating""")
                .params(e.chatId(), e.grade()).update();
    }
}
