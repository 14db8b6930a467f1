package org.openhotline.channels.internal.chat;

import java.util.List;
import org.openhotline.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The chat desk's canned replies (常用语), kept by the call-center administrator. */
@Repository
class CannedReplies {

    record Reply(long id, String title, String body, int position) {}

    private final JdbcClient jdbc;

    CannedReplies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Reply> all() {
        return jdbc.sql("select id, title, body, position from ch_canned_reply order by position, id").query(Reply.class).list();
    }

    Reply add(String title, String body, int position) {
        long id = jdbc.sql("insert into ch_canned_reply (title, body, position) values (?, ?, ?) returning id")
                .params(title.strip(), body.strip(), position).query(Long.class).single();
        return new Reply(id, title.strip(), body.strip(), position);
    }

    void remove(long id) {
        if (jdbc.sql("delete from ch_canned_reply where id = ?").param(id).update() == 0) {
            throw DomainException.notFound("常用语不存在");
        }
    }
}
