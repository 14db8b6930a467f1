package org.openhotline.knowledge.internal.usage;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.openhotline.knowledge.KnowledgeBase;
import org.openhotline.knowledge.KnowledgeChanged;
import org.openhotline.knowledge.internal.articles.Article;
import org.openhotline.knowledge.internal.articles.Articles;
import org.openhotline.knowledge.internal.categories.Categories;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.StaffPrincipal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Citing an article in a work order: recorded with the revision quoted, counted for the hot ranking. */
@Component
public class Citations {

    private final Articles articles;
    private final Categories categories;
    private final Usage usage;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Citations(Articles articles, Categories categories, Usage usage, JdbcClient jdbc, ApplicationEventPublisher events,
              Clock clock) {
        this.articles = articles;
        this.categories = categories;
        this.usage = usage;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public KnowledgeBase.Citation cite(StaffPrincipal caller, long articleId, KnowledgeBase.CitationContext context,
                                       String ref) {
        Article a = articles.get(articleId);
        if (!categories.get(a.categoryId()).canRead(caller)) {
            throw DomainException.notFound("知识不存在");
        }
        if (!a.live(LocalDate.now(clock))) {
            throw DomainException.conflict("只能引用已发布且在有效期内的知识");
        }
        long id = jdbc.sql("""
                insert into kb_citation (article_id, revision, context, context_ref, cited_by, cited_at)
                values (?, ?, ?, ?, ?, ?) returning id""")
                .params(a.id(), a.revision(), context.name(), ref, caller.username(), OffsetDateTime.now(clock))
                .query(Long.class).single();
        usage.cited(a.id());
        events.publishEvent(new KnowledgeChanged("article", a.id(), "cited",
                Map.of("context", context.name(), "ref", ref == null ? "" : ref)));
        return new KnowledgeBase.Citation(id, a.id(), a.revision(), a.title(), a.bodyText(), a.sourcePolicy());
    }

    public record Cited(long id, String context, String ref, String citedBy, OffsetDateTime citedAt, int revision) {}

    public List<Cited> of(long articleId) {
        return jdbc.sql("""
                select id, context, context_ref, cited_by, cited_at, revision from kb_citation
                 where article_id = ? order by cited_at desc limit 50""")
                .param(articleId).query((rs, n) -> new Cited(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getObject(5, OffsetDateTime.class), rs.getInt(6))).list();
    }
}
