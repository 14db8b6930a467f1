package org.openhotline.workorder.internal.intake;

import java.util.Map;
import org.openhotline.shared.AuditableEvent;

/** An authorised user downloaded (and so decrypted) an attachment of an order: the audit trail keeps who and when. */
record AttachmentDownloaded(long workOrderId, long attachmentId) implements AuditableEvent {

    @Override
    public String action() {
        return "workorder.attachment-downloaded";
    }

    @Override
    public String target() {
        return "workorder:" + workOrderId;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("attachment", attachmentId);
    }
}
