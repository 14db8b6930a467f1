package org.openhotline.telephony.ivr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhotline.telephony.LegId;

class IvrFlowTest {
    final List<QueueHandler.QueuedCall> queued = new ArrayList<>();
    final Clock clock = Clock.fixed(Instant.parse("2026-03-02T02:00:00Z"), ZoneOffset.UTC);
    final Flow defaultFlow = ClasspathFlows.load("default-12345");

    IvrSession.Result run(Flow flow, ScriptedCall call, BusinessHours hours, CallerLists lists) {
        return new IvrSession(flow, call, new LegId("leg-1"), queued::add, hours, lists, clock).run();
    }

    static CallerLists lists(String blacklisted, String priority) {
        return new CallerLists() {
            @Override
            public boolean isBlacklisted(String n) {
                return n.equals(blacklisted);
            }

            @Override
            public boolean isPriority(String n) {
                return n.equals(priority);
            }
        };
    }

    @Test
    void pressingOneQueuesTheCallerForAnAgent() {
        ScriptedCall call = new ScriptedCall("13800000001", "1");
        var r = run(defaultFlow, call, BusinessHours.ALWAYS, CallerLists.NONE);
        assertThat(r.outcome()).isEqualTo("queue:general");
        assertThat(call.heard).containsExactly("welcome", "main-menu", "connecting");
        assertThat(queued).singleElement().satisfies(q -> assertThat(q.priority()).isFalse());
    }

    @Test
    void invalidKeyAndSilenceAreRetriedThenTheCallerGoesToAnAgent() {
        ScriptedCall call = new ScriptedCall("13800000001", "7.9");
        var r = run(defaultFlow, call, BusinessHours.ALWAYS, CallerLists.NONE);
        assertThat(r.outcome()).isEqualTo("queue:general");
        assertThat(call.heard).containsExactly("welcome", "main-menu", "invalid", "main-menu", "invalid", "main-menu",
                "connecting");
    }

    @Test
    void orderNumberIsCollectedUntilHashForSelfService() {
        ScriptedCall call = new ScriptedCall("13800000001", "220260301#");
        var r = run(defaultFlow, call, BusinessHours.ALWAYS, CallerLists.NONE);
        assertThat(r.outcome()).isEqualTo("queue:self-service");
        assertThat(r.variables()).containsEntry("orderNumber", "20260301").containsEntry("service", "order-progress");
    }

    @Test
    void blacklistedCallerIsToldAndHungUp() {
        ScriptedCall call = new ScriptedCall("13900000666", "1");
        var r = run(defaultFlow, call, BusinessHours.ALWAYS, lists("13900000666", ""));
        assertThat(r.outcome()).isEqualTo("hangup");
        assertThat(call.heard).containsExactly("blacklisted");
        assertThat(call.hungUp).isTrue();
        assertThat(queued).isEmpty();
    }

    /** 12345 is staffed 7×24: at 03:00 (outside any office hours) the default flow still reaches an agent. */
    @Test
    void theDefaultFlowQueuesACallAtThreeInTheMorning() {
        Clock night = Clock.fixed(Instant.parse("2026-03-02T19:00:00Z"), ZoneOffset.ofHours(8)); // 03:00 in Jiangzhou
        BusinessHours nineToSix = at -> {
            int hour = at.atZone(ZoneOffset.ofHours(8)).getHour();
            return hour >= 9 && hour < 18;
        };
        ScriptedCall call = new ScriptedCall("13800000001", "1");
        var r = new IvrSession(defaultFlow, call, new LegId("leg-1"), queued::add, nineToSix, CallerLists.NONE, night).run();
        assertThat(r.outcome()).isEqualTo("queue:general");
        assertThat(call.heard).doesNotContain("closed").containsExactly("welcome", "main-menu", "connecting");
    }

    @Test
    void outOfHoursCallerLeavesAVoicemailOnTheWorkingHoursFlow() {
        ScriptedCall call = new ScriptedCall("13800000001", "");
        var r = run(ClasspathFlows.load("working-hours-12345"), call, at -> false, CallerLists.NONE);
        assertThat(r.outcome()).isEqualTo("voicemail");
        assertThat(call.heard).containsExactly("closed", "leave-message", "(recording)", "goodbye");
        assertThat(r.variables()).containsKey("voicemail");
    }

    @Test
    void directFlowQueuesAtOnceAndMarksPriorityCallers() {
        ScriptedCall call = new ScriptedCall("13700000001", "");
        var r = run(ClasspathFlows.load("direct-to-agent"), call, BusinessHours.ALWAYS, lists("", "13700000001"));
        assertThat(r.outcome()).isEqualTo("queue:general");
        assertThat(call.heard).isEmpty();
        assertThat(queued.getFirst().priority()).isTrue();
    }

    @Test
    void callerHangingUpMidMenuEndsTheFlow() {
        ScriptedCall call = new ScriptedCall("13800000001", "");
        call.leavesWhenKeysRunOut = true;
        assertThat(run(defaultFlow, call, BusinessHours.ALWAYS, CallerLists.NONE).outcome()).isEqualTo("caller-left");
    }

    @Test
    void earlyMediaFlowLeavesAnsweringToTheBridgeButAnswersForVoicemail() {
        Flow early = FlowParser.parse("""
                {"id": "e", "start": "m", "earlyMedia": true, "steps": {
                  "m": {"type": "menu", "prompt": "main-menu", "options": {"1": "q", "9": "vm"}, "onFailure": "q"},
                  "q": {"type": "queue", "queue": "general"},
                  "vm": {"type": "voicemail", "prompt": "leave-message"}}}""");
        ScriptedCall queued = new ScriptedCall("1", "1");
        run(early, queued, BusinessHours.ALWAYS, CallerLists.NONE);
        assertThat(queued.early).isTrue();
        assertThat(queued.answered).isFalse();
        ScriptedCall message = new ScriptedCall("1", "9");
        assertThat(run(early, message, BusinessHours.ALWAYS, CallerLists.NONE).outcome()).isEqualTo("voicemail");
        assertThat(message.answered).isTrue();
    }

    @Test
    void transferAndVariableConditionsWork() {
        Flow f = FlowParser.parse("""
                {"id": "t", "start": "s", "steps": {
                  "s": {"type": "set", "name": "city", "value": "nanning", "next": "c"},
                  "c": {"type": "condition", "test": "var:city=nanning", "then": "x", "else": "h"},
                  "x": {"type": "transfer", "number": "077112345"},
                  "h": {"type": "hangup"}}}""");
        ScriptedCall call = new ScriptedCall("1", "");
        assertThat(run(f, call, BusinessHours.ALWAYS, CallerLists.NONE).outcome()).isEqualTo("transfer:077112345");
        assertThat(call.transferredTo).isEqualTo("077112345");
    }

    @Test
    void brokenFlowsAreRejectedWithTheStepNamed() {
        assertThatThrownBy(() -> FlowParser.parse("{\"id\":\"x\",\"start\":\"a\",\"steps\":{\"a\":{\"type\":\"play\",\"prompt\":\"p\",\"next\":\"nowhere\"}}}"))
                .hasMessageContaining("missing step nowhere");
        assertThatThrownBy(() -> FlowParser.parse("{\"id\":\"x\",\"start\":\"a\",\"steps\":{\"a\":{\"type\":\"dance\"}}}"))
                .hasMessageContaining("step a").hasMessageContaining("dance");
        assertThatThrownBy(() -> FlowParser.parse("{not json")).isInstanceOf(FlowParser.InvalidFlow.class);
    }
}
