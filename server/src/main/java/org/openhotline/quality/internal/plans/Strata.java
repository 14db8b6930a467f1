package org.openhotline.quality.internal.plans;

import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openhotline.callcenter.CallsForInspection.AnsweredCall;

/**
 * Which strata each answered call of a month belongs to. Repeat callers are counted within the same calls (two or
 * more answered calls from one number in the month); complaints and machine flags come from the other modules.
 */
final class Strata {

    static final Duration NEW_AGENT = Duration.ofDays(90);
    static final long SHORT_CALL_S = 10;

    private Strata() {}

    static List<Sampling.Candidate> of(Collection<AnsweredCall> calls, Set<String> complaintCalls, Set<String> flaggedCalls,
                                       long longCallS) {
        Map<String, Long> perCaller = calls.stream().filter(c -> c.caller() != null && !c.caller().isBlank())
                .collect(Collectors.groupingBy(AnsweredCall::caller, Collectors.counting()));
        Function<AnsweredCall, Set<Stratum>> strata = c -> {
            Set<Stratum> s = EnumSet.noneOf(Stratum.class);
            if (c.firstAnsweredByAgent() != null && c.answeredAt().isBefore(c.firstAnsweredByAgent().plus(NEW_AGENT))) {
                s.add(Stratum.NEW_AGENT);
            }
            if (complaintCalls.contains(c.callId())) {
                s.add(Stratum.COMPLAINT);
            }
            if (c.talkSeconds() > longCallS) {
                s.add(Stratum.LONG_CALL);
            }
            if (c.talkSeconds() < SHORT_CALL_S) {
                s.add(Stratum.SHORT_CALL);
            }
            if (c.satisfaction() != null && c.satisfaction() == 3) {
                s.add(Stratum.DISSATISFIED);
            }
            if (c.caller() != null && perCaller.getOrDefault(c.caller(), 0L) >= 2) {
                s.add(Stratum.REPEAT_CALLER);
            }
            if (c.transferred()) {
                s.add(Stratum.TRANSFER);
            }
            if (flaggedCalls.contains(c.callId())) {
                s.add(Stratum.MACHINE_FLAGGED);
            }
            return s;
        };
        return calls.stream().map(c -> new Sampling.Candidate(c.callId(), c.agentId(), strata.apply(c))).toList();
    }
}
