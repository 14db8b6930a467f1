package org.openhotline.knowledge.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.openhotline.knowledge.KnowledgeChanged;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.StaffPrincipal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing and reviewing articles. Every content change keeps a version; every step is audited; the index follows
 * once the transaction has committed. Category rights decide who may write, review and read.
 */
@Service
public class ArticleEditing {

    private final Articles articles;
    private final Categories categories;
    private final KnowledgeIndex index;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ArticleEditing(Articles articles, Categories categories, KnowledgeIndex index, ApplicationEventPublisher events,
                   Clock clock) {
        this.articles = articles;
        this.categories = categories;
        this.index = index;
        this.events = events;
        this.clock = clock;
    }

    /** What an editor fills in; the body is HTML and is sanitised here. */
    public record Content(long categoryId, String title, String bodyHtml, String keywords, String regions,
                          String sourcePolicy, LocalDate effectiveFrom, LocalDate expiresOn) {}

    @Transactional
    public Article create(StaffPrincipal caller, Content c) {
        Category category = writable(caller, c.categoryId());
        Article draft = draft(caller, c, category);
        var now = OffsetDateTime.now(clock);
        long id = articles.insert(draft, now);
        articles.saveVersion(id, caller.username(), now, "新建");
        changed(id, "created", Map.of("title", draft.title()));
        return articles.get(id);
    }

    /** Creates many drafts in one transaction (imports): all or nothing. */
    @Transactional
    public List<Long> createAll(StaffPrincipal caller, List<Content> contents, String note) {
        var now = OffsetDateTime.now(clock);
        return contents.stream().map(c -> {
            long id = articles.insert(draft(caller, c, writable(caller, c.categoryId())), now);
            articles.saveVersion(id, caller.username(), now, note);
            changed(id, "imported", Map.of("title", c.title()));
            return id;
        }).toList();
    }

    @Transactional
    public Article update(StaffPrincipal caller, long id, int version, Content c, String note) {
        Article current = articles.get(id);
        writable(caller, current.categoryId());
        Category target = writable(caller, c.categoryId());
        current.checkEditable();
        Article edited = draft(caller, c, target);
        var changed = new Article(id, edited.categoryId(), edited.title(), edited.bodyHtml(), edited.bodyText(),
                edited.keywords(), edited.regions(), edited.sourcePolicy(), edited.effectiveFrom(), edited.expiresOn(),
                current.state(), current.revision(), current.author(), current.submittedBy(), current.reviewedBy(),
                current.reviewedAt(), current.reviewComment(), current.publishedAt(), current.views(),
                current.citations(), version, current.createdAt(), current.updatedAt());
        var now = OffsetDateTime.now(clock);
        articles.updateContent(changed, now);
        articles.saveVersion(id, caller.username(), now, note == null || note.isBlank() ? "修改" : note);
        changed(id, "edited", Map.of("revision", current.revision() + 1));
        return articles.get(id);
    }

    /** Sent for review; in a column that needs no review (a unit's own base) it is published at once. */
    @Transactional
    public Article submit(StaffPrincipal caller, long id) {
        Article a = articles.get(id);
        Category category = writable(caller, a.categoryId());
        var now = OffsetDateTime.now(clock);
        Article next = a.submit(caller.username());
        if (!category.reviewRequired()) {
            next = next.approve(caller.username(), true, now, "本栏目无需审核");
        }
        return save(next, now, next.state() == Article.State.PUBLISHED ? "published" : "submitted", null);
    }

    @Transactional
    public Article approve(StaffPrincipal caller, long id, String comment) {
        Article a = articles.get(id);
        Category category = reviewable(caller, a.categoryId());
        var now = OffsetDateTime.now(clock);
        boolean ownBase = category.visibility() == Category.Visibility.PRIVATE;
        return save(a.approve(caller.username(), ownBase, now, comment), now, "published", comment);
    }

    @Transactional
    public Article reject(StaffPrincipal caller, long id, String comment) {
        Article a = articles.get(id);
        reviewable(caller, a.categoryId());
        var now = OffsetDateTime.now(clock);
        return save(a.reject(caller.username(), now, comment), now, "rejected", comment);
    }

    @Transactional
    public Article unpublish(StaffPrincipal caller, long id, String reason) {
        Article a = articles.get(id);
        reviewable(caller, a.categoryId());
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("下架时请填写下架原因");
        }
        var now = OffsetDateTime.now(clock);
        return save(a.unpublish(caller.username(), now, reason), now, "unpublished", reason);
    }

    private Article save(Article next, OffsetDateTime now, String change, String comment) {
        articles.updateState(next, now);
        changed(next.id(), change, comment == null ? Map.of("state", next.state().name())
                : Map.of("state", next.state().name(), "comment", comment));
        return articles.get(next.id());
    }

    private void changed(long id, String change, Map<String, Object> details) {
        events.publishEvent(new KnowledgeChanged("article", id, change, details));
        index.updateAfterCommit(id);
    }

    Category writable(StaffPrincipal caller, long categoryId) {
        return categories.visible(categoryId, caller, c -> c.canEdit(caller), "您没有该栏目的编辑权限");
    }

    Category reviewable(StaffPrincipal caller, long categoryId) {
        return categories.visible(categoryId, caller, c -> c.canReview(caller), "您没有该栏目的审核权限");
    }

    private static Article draft(StaffPrincipal caller, Content c, Category category) {
        String title = c.title() == null ? "" : c.title().strip();
        if (title.isEmpty() || title.length() > 200) {
            throw DomainException.invalid("标题不能为空，且不超过 200 个字");
        }
        String html = RichText.sanitize(c.bodyHtml());
        String text = RichText.text(html);
        if (text.isBlank()) {
            throw DomainException.invalid("正文不能为空");
        }
        if (c.effectiveFrom() != null && c.expiresOn() != null && c.expiresOn().isBefore(c.effectiveFrom())) {
            throw DomainException.invalid("失效日期不能早于生效日期");
        }
        String keywords = normalizeList(c.keywords());
        String regions = normalizeList(c.regions());
        if (keywords.length() > 500 || regions.length() > 500) {
            throw DomainException.invalid("关键词或适用区域过长（不超过 500 个字符）");
        }
        return new Article(0, category.id(), title, html, text, keywords, regions,
                c.sourcePolicy() == null ? "" : c.sourcePolicy().strip(), c.effectiveFrom(), c.expiresOn(),
                Article.State.DRAFT, 1, caller.username(), null, null, null, null, null, 0, 0, 0, null, null);
    }

    /** Keywords and regions as typed with any separator (，、; space) become one comma-separated list. */
    static String normalizeList(String s) {
        if (s == null) {
            return "";
        }
        return String.join(",", java.util.Arrays.stream(s.split("[,，、;；\\s]+")).map(String::strip)
                .filter(x -> !x.isEmpty()).distinct().toList());
    }
}
