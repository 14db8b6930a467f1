package org.openhotline.knowledge.internal.articles;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.openhotline.knowledge.KnowledgeChanged;
import org.openhotline.knowledge.internal.categories.Categories;
import org.openhotline.knowledge.internal.categories.Category;
import org.openhotline.knowledge.internal.search.KnowledgeIndex;
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
    private final Revisions revisions;
    private final Categories categories;
    private final KnowledgeIndex index;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ArticleEditing(Articles articles, Revisions revisions, Categories categories, KnowledgeIndex index,
                   ApplicationEventPublisher events, Clock clock) {
        this.articles = articles;
        this.revisions = revisions;
        this.categories = categories;
        this.index = index;
        this.events = events;
        this.clock = clock;
    }

    /** The longest body accepted, as HTML and as the text it shows (about 200 KB of Chinese text). */
    static final int MAX_BODY_HTML = 400_000;
    static final int MAX_BODY_TEXT = 200_000;

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

    /** Sent for review. Nothing is published by its writer alone, not even in a unit's own base. */
    @Transactional
    public Article submit(StaffPrincipal caller, long id) {
        Article a = articles.get(id);
        writable(caller, a.categoryId());
        var now = OffsetDateTime.now(clock);
        return save(a.submit(caller.username()), now, "submitted", null);
    }

    @Transactional
    public Article approve(StaffPrincipal caller, long id, String comment) {
        Article a = articles.get(id);
        reviewable(caller, a.categoryId());
        var now = OffsetDateTime.now(clock);
        return save(a.approve(caller.username(), now, comment), now, "published", comment);
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
        // An open revision was meant to replace live text; once unpublished the article is edited directly. Its
        // text stays in the versions.
        revisions.delete(id);
        return save(a.unpublish(caller.username(), now, reason), now, "unpublished", reason);
    }

    /**
     * Saves the next version of a published article (在线修订) without touching the live one: created on the first
     * save, a draft until submitted. {@code version} is the revision's, null for the first save.
     */
    @Transactional
    public Revision revise(StaffPrincipal caller, long id, Integer version, Content c, String note) {
        Article live = articles.get(id);
        writable(caller, live.categoryId());
        Category target = writable(caller, c.categoryId());
        live.checkRevisable();
        Article edited = draft(caller, c, target);
        var now = OffsetDateTime.now(clock);
        var open = revisions.find(id);
        Revision r;
        if (open.isEmpty()) {
            r = new Revision(id, live.revision() + 1, target.id(), edited.title(), edited.bodyHtml(),
                    edited.bodyText(), edited.keywords(), edited.regions(), edited.sourcePolicy(),
                    edited.effectiveFrom(), edited.expiresOn(), Revision.State.DRAFT, caller.username(), now, null,
                    null, null, null, 0);
            revisions.insert(r);
        } else {
            Revision o = open.get();
            o.checkEditable();
            r = new Revision(id, o.revision(), target.id(), edited.title(), edited.bodyHtml(), edited.bodyText(),
                    edited.keywords(), edited.regions(), edited.sourcePolicy(), edited.effectiveFrom(),
                    edited.expiresOn(), o.state(), caller.username(), now, o.submittedBy(), o.reviewedBy(),
                    o.reviewedAt(), o.reviewComment(), version == null ? o.version() : version);
            revisions.updateContent(r);
        }
        revisions.saveVersion(r, note == null || note.isBlank() ? "在线修订" : note);
        events.publishEvent(new KnowledgeChanged("article", id, "revised", Map.of("revision", r.revision())));
        return revisions.get(id);
    }

    /** Sends the revision for review; the live text stays until another person approves it. */
    @Transactional
    public Revision submitRevision(StaffPrincipal caller, long id) {
        Article live = articles.get(id);
        writable(caller, live.categoryId());
        Revision next = revisions.get(id).submit(caller.username());
        revisions.updateState(next);
        events.publishEvent(new KnowledgeChanged("article", id, "revision-submitted",
                Map.of("revision", next.revision())));
        return next;
    }

    /** The approved revision replaces the live text; the article stays published and findable throughout. */
    @Transactional
    public Article approveRevision(StaffPrincipal caller, long id, String comment) {
        Article live = articles.get(id);
        reviewable(caller, live.categoryId());
        Revision r = revisions.get(id);
        reviewable(caller, r.categoryId());
        applyRevision(caller, live, r, comment);
        return articles.get(id);
    }

    private void applyRevision(StaffPrincipal caller, Article live, Revision r, String comment) {
        live.checkRevisable();
        r.checkApprovable(caller.username());
        var now = OffsetDateTime.now(clock);
        articles.applyRevision(live, r, caller.username(), comment, now);
        revisions.delete(live.id());
        changed(live.id(), "revision-published", comment == null
                ? Map.of("revision", r.revision()) : Map.of("revision", r.revision(), "comment", comment));
    }

    @Transactional
    public Revision rejectRevision(StaffPrincipal caller, long id, String comment) {
        Article live = articles.get(id);
        reviewable(caller, live.categoryId());
        Revision next = revisions.get(id).reject(caller.username(), OffsetDateTime.now(clock), comment);
        revisions.updateState(next);
        events.publishEvent(new KnowledgeChanged("article", id, "revision-rejected",
                Map.of("revision", next.revision(), "comment", comment)));
        return revisions.get(id);
    }

    /** Drops the revision; the live article is as it was and the revision number is free again. */
    @Transactional
    public void discardRevision(StaffPrincipal caller, long id) {
        Article live = articles.get(id);
        writable(caller, live.categoryId());
        Revision r = revisions.get(id);
        revisions.delete(id);
        revisions.deleteVersion(id, r.revision());
        events.publishEvent(new KnowledgeChanged("article", id, "revision-discarded",
                Map.of("revision", r.revision())));
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
        if (c.bodyHtml() != null && c.bodyHtml().length() > MAX_BODY_HTML) {
            throw DomainException.invalid("正文过长（含格式不超过 40 万个字符），请拆成几篇知识");
        }
        String html = RichText.sanitize(c.bodyHtml());
        String text = RichText.text(html);
        if (text.isBlank()) {
            throw DomainException.invalid("正文不能为空");
        }
        if (text.length() > MAX_BODY_TEXT) {
            throw DomainException.invalid("正文不超过 20 万字，请拆成几篇知识");
        }
        if (c.sourcePolicy() != null && c.sourcePolicy().strip().length() > 500) {
            throw DomainException.invalid("政策依据不超过 500 个字符");
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
    public static String normalizeList(String s) {
        if (s == null) {
            return "";
        }
        return String.join(",", java.util.Arrays.stream(s.split("[,，、;；\\s]+")).map(String::strip)
                .filter(x -> !x.isEmpty()).distinct().toList());
    }
}
