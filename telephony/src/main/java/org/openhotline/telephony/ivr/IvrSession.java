package org.openhotline.telephony.ivr;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openhotline.telephony.LegId;

/**
 * Runs one caller through a flow, step by step, on the caller's own (virtual) thread: a flow reads like
 * the call it describes, blocking on prompts and digits. Ends when the caller is queued, transferred,
 * hung up, or leaves.
 */
public final class IvrSession {
    private static final int MAX_STEPS = 500; // a flow that loops forever must not hold the line forever

    public record Result(String outcome, Map<String, String> variables) { }

    private final Flow flow;
    private final IvrCall call;
    private final LegId leg;
    private final QueueHandler queues;
    private final BusinessHours hours;
    private final CallerLists lists;
    private final Clock clock;
    private final Map<String, String> vars = new LinkedHashMap<>();

    public IvrSession(Flow flow, IvrCall call, LegId leg, QueueHandler queues, BusinessHours hours,
                      CallerLists lists, Clock clock) {
        this.flow = flow;
        this.call = call;
        this.leg = leg;
        this.queues = queues;
        this.hours = hours;
        this.lists = lists;
        this.clock = clock;
    }

    public Result run() {
        String at = flow.start();
        try {
            if (flow.earlyMedia()) call.earlyMedia();
            else call.answer();
            for (int n = 0; n < MAX_STEPS; n++) {
                Step step = flow.step(at);
                switch (step) {
                    case Step.Play p -> {
                        call.play(p.prompt());
                        at = p.next();
                    }
                    case Step.Menu m -> at = menu(m);
                    case Step.Collect c -> at = collect(c);
                    case Step.Condition c -> at = test(c.test()) ? c.then() : c.otherwise();
                    case Step.SetVariable v -> {
                        vars.put(v.name(), v.value());
                        at = v.next();
                    }
                    case Step.ToQueue q -> {
                        queues.enqueue(new QueueHandler.QueuedCall(leg, q.queue(), call.caller(), call.called(),
                                lists.isPriority(call.caller()), Map.copyOf(vars)));
                        return new Result("queue:" + q.queue(), Map.copyOf(vars));
                    }
                    case Step.Transfer t -> {
                        call.transfer(t.number());
                        return new Result("transfer:" + t.number(), Map.copyOf(vars));
                    }
                    case Step.Voicemail v -> {
                        call.answer(); // a message is recorded on an answered call
                        call.play(v.prompt());
                        vars.put("voicemail", call.recordMessage(v.maxDuration()).toString());
                        if (v.next() == null) {
                            call.hangup();
                            return new Result("voicemail", Map.copyOf(vars));
                        }
                        at = v.next();
                    }
                    case Step.Hangup h -> {
                        if (h.prompt() != null) call.play(h.prompt());
                        call.hangup();
                        return new Result(vars.containsKey("voicemail") ? "voicemail" : "hangup", Map.copyOf(vars));
                    }
                }
            }
            call.hangup();
            return new Result("loop-limit", Map.copyOf(vars));
        } catch (IvrCall.CallerLeft e) {
            return new Result("caller-left", Map.copyOf(vars));
        }
    }

    private String menu(Step.Menu m) {
        for (int attempt = 0; attempt <= m.retries(); attempt++) {
            call.play(m.prompt());
            char d = call.nextDigit(m.timeout());
            if (d != 0 && m.options().containsKey(String.valueOf(d))) {
                vars.put("menu." + m.prompt(), String.valueOf(d));
                return m.options().get(String.valueOf(d));
            }
            if (m.invalidPrompt() != null && attempt < m.retries()) call.play(m.invalidPrompt());
        }
        return m.onFailure();
    }

    private String collect(Step.Collect c) {
        call.play(c.prompt());
        StringBuilder digits = new StringBuilder();
        while (digits.length() < c.maxDigits()) {
            char d = call.nextDigit(c.timeout());
            if (d == 0 || c.terminator().indexOf(d) >= 0) break;
            digits.append(d);
        }
        if (digits.length() < c.minDigits()) return c.onFailure();
        vars.put(c.variable(), digits.toString());
        return c.next();
    }

    private boolean test(String test) {
        if (test.startsWith("var:")) {
            String[] kv = test.substring(4).split("=", 2);
            return kv.length == 2 && kv[1].equals(vars.get(kv[0]));
        }
        return switch (test) {
            case "working_hours" -> hours.isOpen(clock.instant());
            case "blacklisted" -> lists.isBlacklisted(call.caller());
            case "priority" -> lists.isPriority(call.caller());
            default -> throw new IllegalStateException("unknown condition " + test);
        };
    }

}
