package org.openhotline.knowledge.internal.articles;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.openhotline.shared.DomainException;

/**
 * 在线修订: the next version of a published article, written and reviewed while the published one stays live and
 * findable. Draft → pending review → (approved: it replaces the article's content | returned: draft again). It
 * carries the revision number it will have once published (the article's next one).
 */
public record Revision(long articleId, int revision, long categoryId, String title, String bodyHtml, String bodyText,
                       String keywords, String regions, String sourcePolicy, LocalDate effectiveFrom,
                       LocalDate expiresOn, State state, String editedBy, OffsetDateTime editedAt, String submittedBy,
                       String reviewedBy, OffsetDateTime reviewedAt, String reviewComment, int version) {

    public enum State {
        DRAFT("修订中"), PENDING("待审核");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public void checkEditable() {
        if (state != State.DRAFT) {
            throw DomainException.conflict("修订稿正在审核中，不能修改，请等待审核结果");
        }
    }

    public Revision submit(String by) {
        checkEditable();
        return with(State.PENDING, by, reviewedBy, reviewedAt, reviewComment);
    }

    /** Four eyes, as for a new article: the reviewer is neither the submitter nor the last one who edited it. */
    public void checkApprovable(String reviewer) {
        if (state != State.PENDING) {
            throw DomainException.conflict("只有待审核的修订稿可以审核（当前状态：" + state.label() + "）");
        }
        if (reviewer.equals(submittedBy) || reviewer.equals(editedBy)) {
            throw DomainException.conflict("不能审核自己提交的修订稿，请由其他审核人审核");
        }
    }

    public Revision reject(String reviewer, OffsetDateTime at, String comment) {
        if (state != State.PENDING) {
            throw DomainException.conflict("只有待审核的修订稿可以退回（当前状态：" + state.label() + "）");
        }
        if (comment == null || comment.isBlank()) {
            throw DomainException.invalid("退回时请填写退回意见");
        }
        return with(State.DRAFT, submittedBy, reviewer, at, comment);
    }

    private Revision with(State s, String submitter, String reviewer, OffsetDateTime at, String comment) {
        return new Revision(articleId, revision, categoryId, title, bodyHtml, bodyText, keywords, regions,
                sourcePolicy, effectiveFrom, expiresOn, s, editedBy, editedAt, submitter, reviewer, at, comment,
                version);
    }
}
