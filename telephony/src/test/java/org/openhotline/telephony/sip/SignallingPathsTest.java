package org.openhotline.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.telephony.EndCause;
import org.openhotline.telephony.LegId;
import org.openhotline.telephony.TelephonyEngine;
import org.openhotline.telephony.TelephonyEvent.*;

/** Registrar and call paths other than the happy one, each against a real sipp peer. */
@Timeout(60)
class SignallingPathsTest {
    @TempDir
    Path dir;
    RecordedEvents events = new RecordedEvents();
    TelephonyEngine engine;
    final AtomicReference<LegId> agentLeg = new AtomicReference<>();

    @BeforeEach
    void start() throws Exception {
        Sipp.requireInstalled();
        var config = EngineFixture.config(dir).withLimits(40, Duration.ofSeconds(2));
        engine = TelephonyEngine.builder(config).listener(e -> {
            events.on(e);
            if (e instanceof CallArrived a && a.to().equals("12399")) engine.hangup(a.leg());
        }).extensions(org.openhotline.telephony.ExtensionDirectory.of(Map.of("1001", EngineFixture.PASSWORD)))
                .flows(new org.openhotline.telephony.ivr.ClasspathFlows(Map.of("12346", "direct-to-agent")))
                .queues(call -> {
                    LegId agent = engine.originate("1001", "12345", true);
                    agentLeg.set(agent);
                    engine.answered(agent).thenRun(() -> engine.bridge(call.leg(), agent));
                }).start();
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    Sipp.Run register(String password, String expect, int contactPort, int expires) throws Exception {
        return Sipp.start(dir, "register", "register-" + expect + "-" + expires,
                Map.of("EXT", "1001", "CONTACT_PORT", String.valueOf(contactPort), "EXPIRES", String.valueOf(expires),
                        "EXPECT", expect),
                List.of("127.0.0.1:" + engine.sipPort(), "-p", String.valueOf(FreePorts.sip()), "-m", "1",
                        "-au", "1001", "-ap", password));
    }

    Sipp.Run agent(String scenario, int port, Map<String, String> vars) throws Exception {
        return Sipp.start(dir, scenario, scenario, vars, List.of("-p", String.valueOf(port),
                "-mp", String.valueOf(FreePorts.media()), "-rtp_echo", "-m", "1"));
    }

    @Test
    void wrongPasswordIsRefusedAndRightOneRegistersUntilUnregistered() throws Exception {
        register("not-the-password", "403", 5999, 60).expectSuccess(Duration.ofSeconds(10));
        assertThat(engine.isRegistered("1001")).isFalse();
        register(EngineFixture.PASSWORD, "200", 5999, 60).expectSuccess(Duration.ofSeconds(10));
        assertThat(engine.isRegistered("1001")).isTrue();
        register(EngineFixture.PASSWORD, "200", 5999, 0).expectSuccess(Duration.ofSeconds(10));
        assertThat(engine.isRegistered("1001")).isFalse();
    }

    @Test
    void busyAgentEndsTheAgentLegWithBusy() throws Exception {
        int port = FreePorts.sip();
        Sipp.Run busy = agent("agent-busy", port, Map.of());
        register(EngineFixture.PASSWORD, "200", port, 60).expectSuccess(Duration.ofSeconds(10));
        LegId leg = engine.originate("1001", "12345", false);
        var ended = events.await(Ended.class, e -> e.leg().equals(leg), Duration.ofSeconds(10));
        assertThat(((Ended) ended.event()).cause()).isEqualTo(EndCause.BUSY);
        busy.expectSuccess(Duration.ofSeconds(10));
    }

    @Test
    void unansweredAgentIsCancelledAfterTheRingTimeout() throws Exception {
        int port = FreePorts.sip();
        Sipp.Run ringing = agent("agent-noanswer", port, Map.of());
        register(EngineFixture.PASSWORD, "200", port, 60).expectSuccess(Duration.ofSeconds(10));
        LegId leg = engine.originate("1001", "12345", false);
        events.await(Ringing.class, r -> r.leg().equals(leg), Duration.ofSeconds(5));
        var ended = events.await(Ended.class, e -> e.leg().equals(leg), Duration.ofSeconds(10));
        assertThat(((Ended) ended.event()).cause()).isEqualTo(EndCause.NO_ANSWER);
        ringing.expectSuccess(Duration.ofSeconds(10));
    }

    @Test
    void unregisteredExtensionWithoutOutboundTrunkHasNoRoute() {
        assertThatThrownBy(() -> engine.originate("1002", "12345", false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no route");
    }

    @Test
    void callerCancelBeforeAnswerEndsTheLegAsCancelled() throws Exception {
        Sipp.start(dir, "caller-cancel", "caller-cancel", Map.of("CALLED", "12300"),
                List.of("127.0.0.1:" + engine.sipPort(), "-p", String.valueOf(FreePorts.sip()), "-m", "1"))
                .expectSuccess(Duration.ofSeconds(10));
        var ended = events.await(Ended.class, e -> true, Duration.ofSeconds(5));
        assertThat(((Ended) ended.event()).cause()).isEqualTo(EndCause.CANCELLED);
    }

    @Test
    void callTheEngineDeclinesGets480AndUnknownNumbers403() throws Exception {
        Sipp.start(dir, "caller-rejected", "rejected-480", Map.of("CALLED", "12399", "STATUS", "480"),
                List.of("127.0.0.1:" + engine.sipPort(), "-p", String.valueOf(FreePorts.sip()), "-m", "1"))
                .expectSuccess(Duration.ofSeconds(10));
        Sipp.start(dir, "caller-rejected", "rejected-403", Map.of("CALLED", "99999", "STATUS", "403"),
                List.of("127.0.0.1:" + engine.sipPort(), "-p", String.valueOf(FreePorts.sip()), "-m", "1"))
                .expectSuccess(Duration.ofSeconds(10));
    }

    @Test
    void agentPhoneHoldByReInvitePlaysMusicToTheCitizenUntilRetrieved() throws Exception {
        int port = FreePorts.sip();
        Sipp.Run agent = agent("agent-hold", port, Map.of("EXT", "1001", "HOLD_MS", "2000", "ENGINE_PORT", String.valueOf(engine.sipPort())));
        register(EngineFixture.PASSWORD, "200", port, 60).expectSuccess(Duration.ofSeconds(10));
        Sipp.Run caller = Sipp.start(dir, "caller", "caller",
                Map.of("CALLED", "12346", "DIGIT", "5", "BEFORE_DIGIT_MS", "200", "BEFORE_TALK_MS", "200",
                        "TALK_MS", "6000"),
                List.of("127.0.0.1:" + engine.sipPort(), "-p", String.valueOf(FreePorts.sip()),
                        "-mp", String.valueOf(FreePorts.media()), "-rtp_echo", "-m", "1"));
        LegId citizen = events.awaitEvent(CallArrived.class, Duration.ofSeconds(5)).leg();
        events.await(Bridged.class, b -> b.leg().equals(citizen), Duration.ofSeconds(10));
        try {
            events.await(Held.class, h -> h.leg().equals(citizen), Duration.ofSeconds(5));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + agent.output(), e);
        }
        long echoesAtHold = engine.mediaStats(citizen).orElseThrow().echoesReceived();
        events.await(Retrieved.class, h -> h.leg().equals(citizen), Duration.ofSeconds(5));
        long echoesDuringHold = engine.mediaStats(citizen).orElseThrow().echoesReceived() - echoesAtHold;
        assertThat(echoesDuringHold).as("citizen kept receiving audio (music) while held").isGreaterThan(60);
        caller.expectSuccess(Duration.ofSeconds(20));
        agent.expectSuccess(Duration.ofSeconds(10));
    }
}
