package org.openhotline.knowledge.internal.errors;

import java.time.OffsetDateTime;
import org.openhotline.shared.DomainException;

/** One error report and where it stands; the transitions guard the state. */
record ErrorReport(long id, long articleId, String articleTitle, Kind kind, String note, long reporterId,
                   String reporterName, OffsetDateTime reportedAt, Status status, String decidedBy,
                   OffsetDateTime decidedAt, String rejectReason, OffsetDateTime fixedAt, int version) {

    static final int MAX_NOTE = 500;
    static final int MAX_REASON = 200;

    enum Kind {
        WRONG("内容错误"), OUTDATED("内容过时"), UNCLEAR("表述不清");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    enum Status {
        OPEN("待处理"), ACCEPTED("修订中"), REJECTED("已驳回"), FIXED("已处理");

        final String label;

        Status(String label) {
            this.label = label;
        }
    }

    public String kindLabel() {
        return kind.label;
    }

    public String statusLabel() {
        return status.label;
    }

    static String checkedNote(String note) {
        if (note == null || note.isBlank()) {
            throw DomainException.invalid("请说明错误之处");
        }
        if (note.strip().length() > MAX_NOTE) {
            throw DomainException.invalid("纠错说明不超过 " + MAX_NOTE + " 个字");
        }
        return note.strip();
    }

    ErrorReport accept(String by, OffsetDateTime at) {
        open();
        return new ErrorReport(id, articleId, articleTitle, kind, note, reporterId, reporterName, reportedAt,
                Status.ACCEPTED, by, at, null, null, version);
    }

    ErrorReport reject(String by, OffsetDateTime at, String reason) {
        open();
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("驳回时请填写原因");
        }
        if (reason.strip().length() > MAX_REASON) {
            throw DomainException.invalid("驳回原因不超过 " + MAX_REASON + " 个字");
        }
        return new ErrorReport(id, articleId, articleTitle, kind, note, reporterId, reporterName, reportedAt,
                Status.REJECTED, by, at, reason.strip(), null, version);
    }

    private void open() {
        if (status != Status.OPEN) {
            throw DomainException.conflict("该纠错已处理（" + status.label + "），请刷新");
        }
    }
}
