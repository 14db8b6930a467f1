package org.openhotline.quality;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * QC results as past-tense records for other modules (reporting keeps {@code rpt_qc_fact} from them: the
 * {@code qc-coverage} KPI and scores by agent), published in the transaction that writes the result.
 */
public final class InspectionResults {

    private InspectionResults() {}

    /**
     * An inspection's score is final for now: submitted, or changed by a second inspection (the same
     * {@code inspectionId} again, later {@code at}). {@code callId} is null for a work-order inspection.
     * {@code lostItems}: the template item keys that lost points or were hit as fatal, sorted — a work-order
     * template's {@code content} and {@code dispatch} items are 工单填写准确率 and 一次派单准确率. {@code complaint}: the
     * inspection found a 有理由投诉 ({@code COMPLAINT}, or {@code COMPLAINT_ESCALATED} by leaders or media), else null.
     */
    public record InspectionScored(long inspectionId, String callId, Long orderId, long agentId, BigDecimal score,
                                   boolean fatal, Instant at, List<String> lostItems, String complaint) {

        public InspectionScored {
            lostItems = lostItems == null ? List.of() : List.copyOf(lostItems);
        }
    }
}
