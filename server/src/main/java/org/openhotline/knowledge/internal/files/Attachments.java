package org.openhotline.knowledge.internal.files;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.openhotline.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Files attached to an article (policy documents, forms), kept in the database with the article. Only the formats of
 * {@link AttachmentFormats}, checked by name and by content, up to 20 MB each.
 */
@Component
public class Attachments {

    static final long MAX_SIZE = 20L * 1024 * 1024;

    private final JdbcClient jdbc;
    private final Clock clock;

    Attachments(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Info(long id, String fileName, String contentType, long size, String uploadedBy,
                       OffsetDateTime uploadedAt) {}

    public record File(long articleId, String fileName, String contentType, byte[] data) {}

    public Info add(long articleId, String fileName, byte[] data, String by) {
        if (data.length == 0 || data.length > MAX_SIZE) {
            throw DomainException.invalid("附件不能为空，且不超过 20 MB");
        }
        String name = fileName == null ? "" : fileName.strip();
        var format = AttachmentFormats.check(name, data);
        long id = jdbc.sql("""
                insert into kb_attachment (article_id, file_name, content_type, size, data, uploaded_by, uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(articleId, name.length() > 200 ? name.substring(0, 200) : name,
                        format.contentType(), data.length, data, by,
                        OffsetDateTime.now(clock))
                .query(Long.class).single();
        return list(articleId).stream().filter(i -> i.id() == id).findFirst().orElseThrow();
    }

    public List<Info> list(long articleId) {
        return jdbc.sql("""
                select id, file_name, content_type, size, uploaded_by, uploaded_at from kb_attachment
                 where article_id = ? order by id""")
                .param(articleId).query((rs, n) -> new Info(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getLong(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class))).list();
    }

    public File get(long id) {
        return jdbc.sql("select article_id, file_name, content_type, data from kb_attachment where id = ?").param(id)
                .query((rs, n) -> new File(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4)))
                .optional().orElseThrow(() -> DomainException.notFound("附件不存在"));
    }

    public void delete(long articleId, long id) {
        jdbc.sql("delete from kb_attachment where id = ? and article_id = ?").params(id, articleId).update();
    }
}
