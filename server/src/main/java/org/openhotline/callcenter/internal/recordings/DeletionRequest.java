package org.openhotline.callcenter.internal.recordings;

import java.time.OffsetDateTime;
import org.openhotline.shared.DomainException;

/** A request to delete one call's recording; a second person decides it. */
record DeletionRequest(long id, String callId, String reason, long requestedById, String requestedBy,
                       OffsetDateTime requestedAt, String status, Long decidedById, String decidedBy,
                       OffsetDateTime decidedAt, String decisionNote, Long bytesFreed, int version) {

    static final int MAX_REASON = 200;

    static String checkedReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("请填写删除录音的原因");
        }
        if (reason.strip().length() > MAX_REASON) {
            throw DomainException.invalid("原因不超过 " + MAX_REASON + " 个字");
        }
        return reason.strip();
    }

    /** Refuses a decision on a closed request or by the person who asked (删除须由另一人批准). */
    void checkDecidableBy(long accountId) {
        if (!"PENDING".equals(status)) {
            throw DomainException.conflict("该申请已处理，请刷新");
        }
        if (requestedById == accountId) {
            throw DomainException.forbidden("不能审批自己提出的录音删除申请，须由另一人批准");
        }
    }
}
