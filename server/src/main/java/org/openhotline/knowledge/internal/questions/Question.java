package org.openhotline.knowledge.internal.questions;

import java.time.OffsetDateTime;
import org.openhotline.shared.DomainException;

/**
 * A knowledge question (知识提问): an agent asks, the responsible unit answers by the deadline, an editor turns the
 * answer into an article. OPEN → ANSWERED → CONVERTED.
 */
public record Question(long id, String question, String detail, String askedBy, OffsetDateTime askedAt, long unitId,
                       String unitPath, String unitName, OffsetDateTime deadline, State state, String answer,
                       String answeredBy, OffsetDateTime answeredAt, Long articleId, int version) {

    public enum State { OPEN, ANSWERED, CONVERTED }

    public boolean overdue(OffsetDateTime now) {
        return state == State.OPEN ? now.isAfter(deadline) : answeredAt != null && answeredAt.isAfter(deadline);
    }

    public Question answer(String text, String by, OffsetDateTime at) {
        if (state != State.OPEN) {
            throw DomainException.conflict("该问题已答复，不能重复答复");
        }
        if (text == null || text.isBlank()) {
            throw DomainException.invalid("请填写答复内容");
        }
        return new Question(id, question, detail, askedBy, askedAt, unitId, unitPath, unitName, deadline,
                State.ANSWERED, text.strip(), by, at, articleId, version);
    }

    public Question convertedInto(long article) {
        if (state != State.ANSWERED) {
            throw DomainException.conflict("只有已答复的问题可以转为知识");
        }
        return new Question(id, question, detail, askedBy, askedAt, unitId, unitPath, unitName, deadline,
                State.CONVERTED, answer, answeredBy, answeredAt, article, version);
    }
}
