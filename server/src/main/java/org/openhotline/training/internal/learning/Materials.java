package org.openhotline.training.internal.learning;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.openhotline.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** 教材库 and 学习记录: materials, and per agent when it first and last studied one, for how long, and whether it finished. */
@Service
public class Materials {

    public record Material(long id, String title, String kind, String url, Long knowledgeArticleId, String category) {}

    public record MyMaterial(long id, String title, String kind, String url, Long knowledgeArticleId, String category,
                             Integer seconds, Boolean completed, Instant lastAt) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    Materials(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public long add(String title, String kind, String url, Long articleId, String category) {
        if (title == null || title.isBlank() || title.length() > 200) {
            throw DomainException.invalid("教材标题不能为空且不超过 200 个字");
        }
        if (!List.of("DOCUMENT", "VIDEO", "LINK", "KNOWLEDGE").contains(kind)) {
            throw DomainException.invalid("教材类型应为文档、视频、链接或知识库文章");
        }
        if ("KNOWLEDGE".equals(kind) ? articleId == null : url == null || url.isBlank()) {
            throw DomainException.invalid("KNOWLEDGE".equals(kind) ? "请选择知识库文章" : "请填写教材地址");
        }
        if (url != null && (url.length() > 1000 || !(url.startsWith("https://") || url.startsWith("http://") || url.startsWith("/")))) {
            throw DomainException.invalid("教材地址应以 http(s):// 或 / 开头，且不超过 1000 个字符");
        }
        return jdbc.sql("""
                insert into tr_material (title, kind, url, knowledge_article_id, category, created_at)
                values (?, ?, ?, ?, ?, ?) returning id""")
                .params(title.strip(), kind, url, articleId, category == null || category.isBlank() ? "通用" : category.strip(),
                        Timestamp.from(clock.instant())).query(Long.class).single();
    }

    public List<MyMaterial> forAgent(long accountId) {
        return jdbc.sql("""
                select m.id, m.title, m.kind, m.url, m.knowledge_article_id, m.category, l.seconds, l.completed, l.last_at
                  from tr_material m left join tr_learning l on l.material_id = m.id and l.account_id = ?
                 order by m.id desc limit 500""").param(accountId).query(MyMaterial.class).list();
    }

    /** Adds study time; completed stays true once set. */
    public void learn(long materialId, long accountId, int seconds, boolean completed) {
        if (seconds < 0 || seconds > 86_400) {
            throw DomainException.invalid("学习时长应在 0 到 86400 秒之间");
        }
        Timestamp now = Timestamp.from(clock.instant());
        int rows = jdbc.sql("""
                insert into tr_learning (material_id, account_id, first_at, last_at, seconds, completed)
                select id, ?, ?, ?, ?, ? from tr_material where id = ?
                on conflict (material_id, account_id) do update set last_at = excluded.last_at,
                       seconds = tr_learning.seconds + excluded.seconds, completed = tr_learning.completed or excluded.completed""")
                .params(accountId, now, now, seconds, completed, materialId).update();
        if (rows == 0) {
            throw DomainException.notFound("教材不存在");
        }
    }
}
