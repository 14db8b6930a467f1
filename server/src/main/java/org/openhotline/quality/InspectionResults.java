package org.openhotline.quality;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * QC results as past-tense records for other modules (reporting keeps {@code rpt_qc_fact} from them: the
 * {@code qc-coverage} KPI and scores by agent), published in the transaction that writes the result.
 */
public final class InspectionResults {

    private InspectionResults() {}

    /**
     * An inspection's score is final for now: submitted, or changed by a second inspection (the same
     * {@code inspectionId} again, later {@code at}). {@code callId} is null for a work-order inspection.
     */
    public record InspectionScored(long inspectionId, String callId, Long orderId, long agentId, BigDecimal score,
                                   boolean fatal, Instant at) {}
}
