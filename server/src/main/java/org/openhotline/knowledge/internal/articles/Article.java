package org.openhotline.knowledge.internal.articles;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.openhotline.shared.DomainException;

/**
 * A knowledge article and its review life: draft → pending review → published → unpublished (上/下架). Each
 * transition returns the article as it is afterwards and refuses, in Chinese, a step its state does not allow.
 */
public record Article(long id, long categoryId, String title, String bodyHtml, String bodyText, String keywords,
                      String regions, String sourcePolicy, LocalDate effectiveFrom, LocalDate expiresOn, State state,
                      int revision, String author, String submittedBy, String reviewedBy, OffsetDateTime reviewedAt,
                      String reviewComment, OffsetDateTime publishedAt, long views, long citations, int version,
                      OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public enum State {
        DRAFT("草稿"), PENDING("待审核"), PUBLISHED("已发布"), UNPUBLISHED("已下架");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Drafts and unpublished articles may be edited; what is live or under review may not. */
    public void checkEditable() {
        if (state != State.DRAFT && state != State.UNPUBLISHED) {
            throw DomainException.conflict("“" + state.label() + "”状态的知识不能修改，请先下架或等待审核结果");
        }
    }

    /** Only what is live is revised while it stays live; drafts and unpublished articles are edited directly. */
    public void checkRevisable() {
        if (state != State.PUBLISHED) {
            throw DomainException.conflict("只有已发布的知识可以在线修订（“" + state.label() + "”状态的知识请直接修改）");
        }
    }

    public Article submit(String by) {
        checkEditable();
        return with(State.PENDING, by, null, null, null, publishedAt);
    }

    /** Four eyes (四眼原则): the reviewer is neither the author nor the one who submitted it, in every column. */
    public Article approve(String reviewer, OffsetDateTime at, String comment) {
        requireState(State.PENDING, "只有待审核的知识可以审核");
        if (reviewer.equals(submittedBy) || reviewer.equals(author)) {
            throw DomainException.conflict("不能审核自己提交的知识，请由其他审核人审核");
        }
        return with(State.PUBLISHED, submittedBy, reviewer, at, comment, at);
    }

    public Article reject(String reviewer, OffsetDateTime at, String comment) {
        requireState(State.PENDING, "只有待审核的知识可以退回");
        if (comment == null || comment.isBlank()) {
            throw DomainException.invalid("退回时请填写退回意见");
        }
        return with(State.DRAFT, submittedBy, reviewer, at, comment, publishedAt);
    }

    public Article unpublish(String by, OffsetDateTime at, String reason) {
        requireState(State.PUBLISHED, "只有已发布的知识可以下架");
        return with(State.UNPUBLISHED, submittedBy, by, at, reason, publishedAt);
    }

    public boolean live(LocalDate today) {
        return state == State.PUBLISHED && (effectiveFrom == null || !effectiveFrom.isAfter(today))
                && (expiresOn == null || !expiresOn.isBefore(today));
    }

    private void requireState(State expected, String message) {
        if (state != expected) {
            throw DomainException.conflict(message + "（当前状态：" + state.label() + "）");
        }
    }

    private Article with(State s, String submitter, String reviewer, OffsetDateTime reviewedAt, String comment,
                         OffsetDateTime published) {
        return new Article(id, categoryId, title, bodyHtml, bodyText, keywords, regions, sourcePolicy, effectiveFrom,
                expiresOn, s, revision, author, submitter, reviewer, reviewedAt, comment, published, views, citations,
                version, createdAt, updatedAt);
    }
}
