package org.openhotline.workforce;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Daily adherence as past-tense records for other modules (reporting keeps {@code rpt_adherence_fact} from them: the
 * 排班遵从度 and 出勤符合度 KPIs per agent, team and day), published in the transaction that closes a day.
 */
public final class AdherenceFigures {

    private AdherenceFigures() {}

    /**
     * An agent's scheduled day is closed (or closed again, later {@code at}): seconds scheduled, on the phones inside the
     * shift (adherence) and signed in (conformance). {@code dayStart} is the local day's first instant.
     */
    public record AgentDayClosed(long accountId, LocalDate day, Instant dayStart, long scheduledSeconds,
                                 long adheringSeconds, long signedInSeconds, Instant at) {}
}
