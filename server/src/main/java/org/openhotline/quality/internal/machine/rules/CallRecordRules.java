package org.openhotline.quality.internal.machine.rules;

import static org.openhotline.quality.internal.machine.rules.AcousticRules.on;
import static org.openhotline.quality.internal.machine.rules.RuleCodes.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openhotline.callcenter.RecordedCalls.Interval;
import org.openhotline.callcenter.RecordedCalls.RecordedCall;

/**
 * Rules on the call record (话单) rather than the sound: holds, transfers, ring time and after-call work. Their
 * moments are placed on the recording's time line, which starts when the agent answered; after-call work lies
 * past the recording's end and is flagged at its end.
 */
public final class CallRecordRules {

    private CallRecordRules() {}

    public static List<Finding> evaluate(RecordedCall call, long recordingMs, Map<String, RuleSetting> rules) {
        List<Finding> out = new ArrayList<>();
        Instant zero = call.answeredAt();
        RuleSetting hold = on(rules, CALL_HOLD);
        if (hold != null && zero != null) {
            for (Interval h : call.holds()) {
                if (h.to() != null && h.seconds() >= hold.threshold()) {
                    out.add(new Finding(hold.code(), hold.severity(), offset(zero, h.from()), offset(zero, h.to()),
                            "保持 " + h.seconds() + " 秒"));
                }
            }
        }
        RuleSetting transfers = on(rules, CALL_TRANSFERS);
        if (transfers != null && call.transfers().size() >= transfers.threshold()) {
            out.add(new Finding(transfers.code(), transfers.severity(), 0, recordingMs,
                    "转接 " + call.transfers().size() + " 次：" + String.join(" → ", call.transfers())));
        }
        RuleSetting ring = on(rules, CALL_RING);
        if (ring != null && call.offeredAt() != null && zero != null) {
            long s = Duration.between(call.offeredAt(), zero).toSeconds();
            if (s >= ring.threshold()) {
                out.add(new Finding(ring.code(), ring.severity(), 0, 0, "振铃 " + s + " 秒才接听"));
            }
        }
        RuleSetting acw = on(rules, CALL_ACW);
        if (acw != null && call.afterCallWork() != null && call.afterCallWork().to() != null
                && call.afterCallWork().seconds() >= acw.threshold()) {
            out.add(new Finding(acw.code(), acw.severity(), recordingMs, recordingMs,
                    "话后整理 " + call.afterCallWork().seconds() + " 秒"));
        }
        return out;
    }

    private static long offset(Instant zero, Instant at) {
        return Math.max(0, Duration.between(zero, at).toMillis());
    }
}
