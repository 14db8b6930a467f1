package org.openhotline.channels.internal.chat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openhotline.shared.crypto.PersonalData;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The chat's lines ({@code ch_chat_message}). The next number comes from the chat row, updated in the same
 * transaction as the insert: that row lock puts the citizen's and the agent's lines of one chat in one order.
 */
@Repository
class ChatMessages {

    private static final RowMapper<ChatMessage> ROW = (rs, n) -> new ChatMessage(rs.getInt("seq"), rs.getString("sender"),
            PersonalData.open(rs.getString("author")), rs.getString("body"), rs.getString("client_id"), rs.getTimestamp("at").toInstant());

    private final JdbcClient jdbc;

    ChatMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a line; a line already stored with the same sender and client id is answered instead (a resend). */
    Stored append(UUID chatId, String sender, String author, String body, String clientId, Instant at) {
        if (clientId != null) {
            Optional<ChatMessage> earlier = jdbc.sql("""
                    select * from ch_chat_message where chat_id = ? and sender = ? and client_id = ?""")
                    .params(chatId, sender, clientId).query(ROW).optional();
            if (earlier.isPresent()) {
                return new Stored(earlier.get(), true);
            }
        }
        int seq = jdbc.sql("update ch_chat set last_seq = last_seq + 1 where id = ? returning last_seq")
                .param(chatId).query(Integer.class).single();
        jdbc.sql("insert into ch_chat_message (chat_id, seq, sender, author, body, client_id, at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(chatId, seq, sender, PersonalData.seal(author), body, clientId, Timestamp.from(at)).update(); // the citizen's name: ADR 041
        return new Stored(new ChatMessage(seq, sender, author, body, clientId, at), false);
    }

    record Stored(ChatMessage message, boolean duplicate) {}

    List<ChatMessage> after(UUID chatId, int seq) {
        return jdbc.sql("select * from ch_chat_message where chat_id = ? and seq > ? order by seq")
                .params(chatId, seq).query(ROW).list();
    }

    int count(UUID chatId, String sender) {
        return jdbc.sql("select count(*) from ch_chat_message where chat_id = ? and sender = ?")
                .params(chatId, sender).query(Integer.class).single();
    }
}
