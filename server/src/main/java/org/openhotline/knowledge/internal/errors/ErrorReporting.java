package org.openhotline.knowledge.internal.errors;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.openhotline.knowledge.KnowledgeChanged;
import org.openhotline.knowledge.KnowledgeErrorReportChanged;
import org.openhotline.knowledge.internal.articles.Article;
import org.openhotline.knowledge.internal.articles.ArticleEditing;
import org.openhotline.knowledge.internal.articles.ArticleReading;
import org.openhotline.knowledge.internal.articles.Revisions;
import org.openhotline.knowledge.internal.categories.Categories;
import org.openhotline.knowledge.internal.categories.Category;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.StaffPrincipal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Filing, deciding and closing error reports; a published revision of the article closes its accepted reports. */
@Service
class ErrorReporting {

    private final ErrorReports reports;
    private final ArticleReading reading;
    private final ArticleEditing editing;
    private final Revisions revisions;
    private final Categories categories;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ErrorReporting(ErrorReports reports, ArticleReading reading, ArticleEditing editing, Revisions revisions,
                   Categories categories, ApplicationEventPublisher events, Clock clock) {
        this.reports = reports;
        this.reading = reading;
        this.editing = editing;
        this.revisions = revisions;
        this.categories = categories;
        this.events = events;
        this.clock = clock;
    }

    /** Anyone who may read the article reports an error in it. */
    @Transactional
    ErrorReport report(StaffPrincipal caller, long articleId, ErrorReport.Kind kind, String note) {
        if (kind == null) {
            throw DomainException.invalid("请选择错误类型");
        }
        Article a = reading.visible(caller, articleId);
        if (a.state() != Article.State.PUBLISHED) {
            throw DomainException.conflict("只能对已发布的知识纠错");
        }
        long id = reports.insert(articleId, kind, ErrorReport.checkedNote(note), caller.accountId(),
                caller.displayName(), OffsetDateTime.now(clock));
        ErrorReport r = reports.get(id);
        changed(r, "reported");
        return r;
    }

    /** Accepts the report and opens a revision of the article (unless one is open already: the fix goes there). */
    @Transactional
    ErrorReport accept(StaffPrincipal caller, long id) {
        ErrorReport r = reports.get(id);
        Article live = editable(caller, r);
        ErrorReport next = r.accept(caller.username(), OffsetDateTime.now(clock));
        reports.decide(next);
        if (revisions.find(live.id()).isEmpty()) {
            editing.revise(caller, live.id(), null, new ArticleEditing.Content(live.categoryId(), live.title(),
                    live.bodyHtml(), live.keywords(), live.regions(), live.sourcePolicy(), live.effectiveFrom(),
                    live.expiresOn()), "知识纠错 #" + id);
        }
        ErrorReport stored = reports.get(id);
        changed(stored, "accepted");
        return stored;
    }

    @Transactional
    ErrorReport reject(StaffPrincipal caller, long id, String reason) {
        ErrorReport r = reports.get(id);
        editable(caller, r);
        reports.decide(r.reject(caller.username(), OffsetDateTime.now(clock), reason));
        ErrorReport stored = reports.get(id);
        changed(stored, "rejected");
        return stored;
    }

    List<ErrorReport> queue(StaffPrincipal caller, ErrorReport.Status status) {
        return reports.inColumns(categories.all().stream().filter(c -> c.canRead(caller) && c.canEdit(caller))
                .map(Category::id).toList(), status);
    }

    /**
     * The revision (or a republished article) that fixes the accepted reports: runs inside the publishing
     * transaction, so the reports are fixed exactly when the new text is live.
     */
    @EventListener
    void on(KnowledgeChanged e) {
        if (!"article".equals(e.subject()) || !("revision-published".equals(e.change()) || "published".equals(e.change()))) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (ErrorReport r : reports.fixed(e.id(), now)) {
            events.publishEvent(new KnowledgeErrorReportChanged(r.id(), r.articleId(), "FIXED",
                    r.reportedAt().toInstant(), now.toInstant()));
        }
    }

    private Article editable(StaffPrincipal caller, ErrorReport r) {
        Article a = reading.visible(caller, r.articleId());
        Category c = categories.get(a.categoryId());
        if (!c.canEdit(caller)) {
            throw DomainException.forbidden("您没有该栏目的编辑权限，不能处理这条纠错");
        }
        return a;
    }

    private void changed(ErrorReport r, String change) {
        events.publishEvent(new KnowledgeChanged("error-report", r.id(), change,
                Map.of("article", r.articleId(), "status", r.status().name())));
        events.publishEvent(new KnowledgeErrorReportChanged(r.id(), r.articleId(), r.status().name(),
                r.reportedAt().toInstant(), r.fixedAt() == null ? null : r.fixedAt().toInstant()));
    }
}
