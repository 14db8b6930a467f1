package org.openhotline.callcenter.internal.calls;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.openhotline.callcenter.internal.engine.Switchboard;
import org.openhotline.callcenter.internal.engine.TelephonyProperties;
import org.openhotline.shared.DomainException;
import org.openhotline.telephony.LegId;
import org.openhotline.telephony.TelephonyEngine;
import org.openhotline.workorder.UnitCallTargets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Click-to-call for handling units (平台代拨): the platform rings the unit handler's own phone first (showing the
 * hotline number), and when the handler answers it calls the citizen through the trunk (the trunk's caller ID, the
 * hotline) and bridges the two. The citizen's number stays on the server: the handler sees it masked, and these
 * calls are no agent's, so they are neither queued nor in the call-center figures; who called is audited.
 * If either side hangs up, fails or does not answer, the other is released.
 */
@Component
class UnitCalls {

    private static final Logger log = LoggerFactory.getLogger(UnitCalls.class);

    enum State {
        CALLING_HANDLER("正在呼叫您的电话"), CALLING_CITIZEN("正在呼叫群众"), TALKING("通话中"), ENDED("通话已结束"),
        FAILED("未接通");

        final String label;

        State(String label) {
            this.label = label;
        }
    }

    static final class UnitCall {
        final String id;
        final long accountId;
        final long workOrderId;
        final String maskedPhone;
        final Instant startedAt;
        final LegId handlerLeg;
        volatile LegId citizenLeg;
        volatile State state = State.CALLING_HANDLER;

        UnitCall(String id, long accountId, long workOrderId, String maskedPhone, Instant startedAt, LegId handlerLeg) {
            this.id = id;
            this.accountId = accountId;
            this.workOrderId = workOrderId;
            this.maskedPhone = maskedPhone;
            this.startedAt = startedAt;
            this.handlerLeg = handlerLeg;
        }
    }

    private final Map<String, UnitCall> calls = new ConcurrentHashMap<>();
    private final Switchboard runtime;
    private final TelephonyProperties properties;
    private final Clock clock;

    UnitCalls(Switchboard runtime, TelephonyProperties properties, Clock clock) {
        this.runtime = runtime;
        this.properties = properties;
        this.clock = clock;
    }

    UnitCall start(long accountId, UnitCallTargets.UnitCallTarget target, String handlerPhone) {
        if (!runtime.running()) {
            throw DomainException.conflict("电话系统未启用，无法代拨");
        }
        if (calls.values().stream().anyMatch(c -> c.accountId == accountId && live(c))) {
            throw DomainException.conflict("您已有一个进行中的代拨，请先结束");
        }
        TelephonyEngine engine = runtime.engine();
        LegId handler;
        try {
            handler = engine.originate(handlerPhone, properties.hotlineNumber(), false);
        } catch (RuntimeException noRoute) {
            log.info("Click-to-call for order {}: cannot ring the handler's phone {}: {}", target.workOrderId(),
                    handlerPhone, noRoute.getMessage());
            throw DomainException.conflict("无法呼叫您的电话 " + handlerPhone + "，请检查号码或分机是否在线");
        }
        UnitCall call = new UnitCall(UUID.randomUUID().toString(), accountId, target.workOrderId(), target.maskedPhone(),
                clock.instant(), handler);
        Instant hourAgo = clock.instant().minusSeconds(3600);
        calls.values().removeIf(c -> !live(c) && c.startedAt.isBefore(hourAgo)); // a finished call is asked about briefly
        calls.put(call.id, call);
        try {
            engine.ended(handler).thenRun(() -> {
                finish(call, null);
                hangupQuietly(call.citizenLeg);
            });
            engine.answered(handler).whenComplete((answered, notAnswered) -> {
                if (notAnswered != null) {
                    finish(call, State.FAILED);
                    return;
                }
                callCitizen(engine, call, target.citizenPhone());
            });
        } catch (IllegalArgumentException alreadyGone) {
            finish(call, State.FAILED); // the handler's phone refused at once
        }
        return call;
    }

    private void callCitizen(TelephonyEngine engine, UnitCall call, String citizenPhone) {
        try {
            call.state = State.CALLING_CITIZEN;
            engine.playMusic(call.handlerLeg, "hold-music"); // the handler hears that something happens meanwhile
            LegId citizen = engine.originate(citizenPhone, null, false);
            call.citizenLeg = citizen;
            engine.ended(citizen).thenRun(() -> {
                finish(call, call.state == State.TALKING ? State.ENDED : State.FAILED);
                hangupQuietly(call.handlerLeg);
            });
            engine.answered(citizen).thenRun(() -> {
                engine.bridge(call.handlerLeg, citizen);
                call.state = State.TALKING;
            });
        } catch (RuntimeException e) {
            log.info("Click-to-call for order {}: cannot call the citizen: {}", call.workOrderId, e.getMessage());
            finish(call, State.FAILED);
            hangupQuietly(call.handlerLeg);
        }
    }

    /** The first end wins: FAILED when it never came to a conversation, ENDED after one. */
    private void finish(UnitCall call, State preferred) {
        synchronized (call) {
            if (!live(call)) {
                return;
            }
            call.state = preferred != null ? preferred : call.state == State.TALKING ? State.ENDED : State.FAILED;
        }
    }

    private static boolean live(UnitCall c) {
        return c.state != State.ENDED && c.state != State.FAILED;
    }

    private void hangupQuietly(LegId leg) {
        if (leg == null || !runtime.running()) {
            return;
        }
        try {
            runtime.engine().hangup(leg);
        } catch (RuntimeException gone) {
            log.debug("Leg {} already gone", leg);
        }
    }

    /** The handler's own call, or 404: nobody else learns about it. */
    UnitCall of(String id, long accountId) {
        UnitCall c = calls.get(id);
        if (c == null || c.accountId != accountId) {
            throw DomainException.notFound("代拨不存在");
        }
        return c;
    }

    void hangup(UnitCall call) {
        hangupQuietly(call.citizenLeg);
        hangupQuietly(call.handlerLeg);
        finish(call, null);
    }
}
