package org.openhotline.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.telephony.EndCause;
import org.openhotline.telephony.ExtensionDirectory;
import org.openhotline.telephony.LegId;
import org.openhotline.telephony.TelephonyConfig;
import org.openhotline.telephony.TelephonyEngine;
import org.openhotline.telephony.TelephonyEvent.*;
import org.openhotline.telephony.Trunk;

/** Early media, INFO DTMF, TCP, agent phones calling out, outbound trunk caller ID, dead-peer detection. */
@Timeout(60)
class DialogFeaturesTest {
    @TempDir
    Path dir;
    RecordedEvents events = new RecordedEvents();
    TelephonyEngine engine;
    volatile Consumer<CallArrived> onArrival = a -> engine.answer(a.leg());

    TelephonyEngine start(TelephonyConfig config) throws Exception {
        engine = TelephonyEngine.builder(config).listener(e -> {
            events.on(e);
            if (e instanceof CallArrived a) onArrival.accept(a);
        }).extensions(ExtensionDirectory.of(Map.of("1001", EngineFixture.PASSWORD))).start();
        return engine;
    }

    @AfterEach
    void stop() {
        if (engine != null) engine.close();
    }

    @Test
    void promptsReachTheCallerAsEarlyMediaBeforeTheAnswer() throws Exception {
        start(EngineFixture.config(dir));
        onArrival = a -> {
            engine.earlyMedia(a.leg());
            engine.play(a.leg(), "welcome");
        };
        try (TestPhone citizen = new TestPhone("13800138000", 440, engine.sipPort())) {
            CompletableFuture<Void> dialing = CompletableFuture.runAsync(() -> {
                try {
                    citizen.dial("12300");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            LegId leg = events.awaitEvent(CallArrived.class, Duration.ofSeconds(5)).leg();
            await("prompt audio before answer").atMost(Duration.ofSeconds(10)).until(() -> citizen.audio.packetsIn() > 20);
            assertThat(dialing).isNotDone();
            engine.answer(leg);
            dialing.get(5, TimeUnit.SECONDS);
            events.await(Answered.class, x -> x.leg().equals(leg), Duration.ofSeconds(2));
        }
    }

    @Test
    void earlyMediaFlowTakesDigitsBeforeAnswerAndAnswersWhenBridged() throws Exception {
        var flow = org.openhotline.telephony.ivr.FlowParser.parse("""
                {"id": "early", "start": "m", "earlyMedia": true, "steps": {
                  "m": {"type": "menu", "prompt": "main-menu", "options": {"1": "q"}, "onFailure": "q"},
                  "q": {"type": "queue", "queue": "general"}}}""");
        engine = TelephonyEngine.builder(EngineFixture.config(dir)).listener(events)
                .extensions(ExtensionDirectory.of(Map.of("1001", EngineFixture.PASSWORD)))
                .flows(new org.openhotline.telephony.ivr.FlowRepository() {
                    @Override
                    public java.util.Optional<org.openhotline.telephony.ivr.Flow> find(String id) {
                        return java.util.Optional.of(flow);
                    }

                    @Override
                    public java.util.Optional<org.openhotline.telephony.ivr.Flow> forNumber(String number) {
                        return java.util.Optional.of(flow);
                    }
                })
                .queues(call -> {
                    LegId agent = engine.originate("1001", "12345", true);
                    engine.answered(agent).thenRun(() -> engine.bridge(call.leg(), agent));
                }).start();
        try (TestPhone agent = new TestPhone("1001", 1000, engine.sipPort());
             TestPhone citizen = new TestPhone("13800138000", 440, engine.sipPort())) {
            agent.register(EngineFixture.PASSWORD);
            CompletableFuture<Void> dialing = CompletableFuture.runAsync(() -> {
                try {
                    citizen.dial("12345");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            events.awaitEvent(CallArrived.class, Duration.ofSeconds(5));
            await("menu prompt as early media").atMost(Duration.ofSeconds(10)).until(() -> citizen.audio.packetsIn() > 10);
            assertThat(dialing).as("not answered during the menu").isNotDone();
            citizen.audio.sendDigit('1');
            dialing.get(5, TimeUnit.SECONDS);
            events.awaitEvent(Bridged.class, Duration.ofSeconds(2));
        }
    }

    @Test
    void collectGathersDigitsUntilHashAndRunFlowStartsAnIvrOnDemand() throws Exception {
        engine = TelephonyEngine.builder(EngineFixture.config(dir)).listener(e -> {
            events.on(e);
            if (e instanceof CallArrived a) engine.answer(a.leg());
        }).flows(new org.openhotline.telephony.ivr.ClasspathFlows(Map.of())).start();
        try (TestPhone citizen = new TestPhone("13800138000", 440, engine.sipPort())) {
            citizen.dial("12300");
            LegId leg = events.awaitEvent(CallArrived.class, Duration.ofSeconds(3)).leg();
            var digits = engine.collect(leg, 10, Duration.ofSeconds(3));
            int pressed = 0;
            for (char d : "2026#".toCharArray()) {
                citizen.audio.sendDigit(d);
                int count = ++pressed; // the next key once the engine took this one (a real phone's pace)
                await().atMost(Duration.ofSeconds(5)).until(() -> events.events().stream()
                        .filter(e -> e instanceof DtmfReceived x && x.leg().equals(leg)).count() >= count);
            }
            assertThat(digits.get(5, TimeUnit.SECONDS)).isEqualTo("2026");
            engine.runFlow(leg, "direct-to-agent"); // no queue handler configured: the default one ignores it
            assertThat(events.awaitEvent(IvrFinished.class, Duration.ofSeconds(3)).outcome()).isEqualTo("queue:general");
        }
    }

    @Test
    void stopRecordingEndsTheRecordingWhileTheCallGoesOn() throws Exception {
        start(EngineFixture.config(dir));
        try (TestPhone a = new TestPhone("13800138000", 440, engine.sipPort());
             TestPhone b = new TestPhone("13900139000", 1000, engine.sipPort())) {
            a.dial("12300");
            LegId first = events.awaitEvent(CallArrived.class, Duration.ofSeconds(3)).leg();
            b.dial("12300");
            LegId second = events.await(CallArrived.class, c -> !c.leg().equals(first), Duration.ofSeconds(3))
                    .event() instanceof CallArrived c ? c.leg() : null;
            engine.bridge(first, second);
            engine.record(first, second);
            a.audio.forget();
            b.audio.forget();
            await("a second of the call").atMost(Duration.ofSeconds(10))
                    .until(() -> a.audio.heard().length >= 8000 && b.audio.heard().length >= 8000);
            engine.stopRecording(first);
            RecordingReady rec = events.awaitEvent(RecordingReady.class, Duration.ofSeconds(5));
            assertThat(rec.duration().toMillis()).isGreaterThanOrEqualTo(800L);
            long size = java.nio.file.Files.size(rec.file());
            a.audio.forget();
            await("the call goes on").atMost(Duration.ofSeconds(10)).until(() -> a.audio.heard().length >= 4000);
            assertThat(java.nio.file.Files.size(rec.file())).as("nothing recorded after the stop").isEqualTo(size);
            assertThat(engine.activeLegs()).contains(first, second);
            var wav = WavCheck.read(rec.file());
            assertThat(wav.leftLevel()).isGreaterThan(1000);
            assertThat(wav.rightLevel()).isGreaterThan(1000);
        }
    }

    @Test
    void sipInfoDigitsAreReportedLikeRfc4733Ones() throws Exception {
        start(EngineFixture.config(dir));
        try (TestPhone citizen = new TestPhone("13800138000", 440, engine.sipPort())) {
            citizen.dial("12300");
            citizen.info('7');
            var d = events.awaitEvent(DtmfReceived.class, Duration.ofSeconds(3));
            assertThat(d.digit()).isEqualTo('7');
        }
    }

    @Test
    void agentPhoneCallingOutIsChallengedAndArrivesAsExtensionCall() throws Exception {
        start(EngineFixture.config(dir));
        try (TestPhone agent = new TestPhone("1001", 1000, engine.sipPort())) {
            agent.dial("077155555", EngineFixture.PASSWORD);
            CallArrived a = events.awaitEvent(CallArrived.class, Duration.ofSeconds(3));
            assertThat(a.trunk()).isEqualTo("extension");
            assertThat(a.from()).isEqualTo("1001");
            assertThat(a.to()).isEqualTo("077155555");
        }
    }

    @Test
    void callsOverTcpAreServed() throws Exception {
        start(EngineFixture.config(dir));
        Sipp.start(dir, "caller", "caller-tcp", Map.of("CALLED", "12300", "DIGIT", "3", "BEFORE_DIGIT_MS", "300",
                        "BEFORE_TALK_MS", "200", "TALK_MS", "1000"),
                List.of("127.0.0.1:" + engine.sipPort(), "-t", "t1", "-p", String.valueOf(FreePorts.sip()),
                        "-mp", String.valueOf(FreePorts.media()), "-m", "1"))
                .expectSuccess(Duration.ofSeconds(20));
        assertThat(events.awaitEvent(DtmfReceived.class, Duration.ofSeconds(2)).digit()).isEqualTo('3');
        events.awaitEvent(Ended.class, Duration.ofSeconds(3));
    }

    @Test
    void outboundCallThroughTheTrunkPresentsTheHotlineNumber() throws Exception {
        int carrierPort = FreePorts.sip();
        Trunk out = new Trunk("carrier-out", Set.of(), Set.of(), null, null, "127.0.0.1", carrierPort, "077112345");
        start(EngineFixture.config(dir).withTrunks(List.of(out)));
        Sipp.Run carrier = Sipp.start(dir, "carrier", "carrier", Map.of("CALLER_ID", "077112345"),
                List.of("-p", String.valueOf(carrierPort), "-mp", String.valueOf(FreePorts.media()), "-m", "1"));
        LegId callback = engine.originate("13800001111", null, false);
        engine.answered(callback).get(5, TimeUnit.SECONDS);
        engine.hangup(callback);
        carrier.expectSuccess(Duration.ofSeconds(10));
        var ended = (Ended) events.await(Ended.class, e -> e.leg().equals(callback), Duration.ofSeconds(3)).event();
        assertThat(ended.cause()).isEqualTo(EndCause.NORMAL_CLEARING);
    }

    /**
     * 主叫号码透传: a number other than the trunk's own (the citizen's, handed over to 110) is carried in From and
     * P-Asserted-Identity only through a trunk that allows it; elsewhere calls show the trunk's number.
     */
    @Test
    void aCitizensNumberIsPresentedOnlyThroughATrunkThatPassesCallerIds() throws Exception {
        try (TestPhone police = new TestPhone("110", 0, 0)) {
            start(EngineFixture.config(dir).withTrunks(List.of(
                    new Trunk("carrier-out", Set.of(), Set.of(), null, null, "127.0.0.1", police.port(), "077112345"))));
            assertThat(engine.passesCallerId("110")).isFalse();
            LegId own = engine.originate("110", null, false);
            engine.answered(own).get(20, TimeUnit.SECONDS);
            assertThat(police.lastInvite).containsPattern("(?im)^From:[^\\r\\n]*sip:077112345@")
                    .doesNotContainPattern("(?im)^P-Asserted-Identity:");
            engine.close();

            start(EngineFixture.config(dir).withTrunks(List.of(new Trunk("carrier-out", Set.of(), Set.of(), null, null,
                    "127.0.0.1", police.port(), "077112345", 0, true))));
            assertThat(engine.passesCallerId("110")).isTrue();
            LegId citizens = engine.originate("110", "13911000110", false);
            engine.answered(citizens).get(20, TimeUnit.SECONDS);
            assertThat(police.lastInvite).containsPattern("(?im)^From:[^\\r\\n]*sip:13911000110@")
                    .containsPattern("(?im)^P-Asserted-Identity:\\s*<sip:13911000110@127\\.0\\.0\\.1>");
            engine.hangup(citizens);
        }
    }

    @Test
    void carrierChallengeIsAnsweredWithTheTrunkAccount() throws Exception {
        int carrierPort = FreePorts.sip();
        Trunk out = new Trunk("carrier-out", Set.of(), Set.of(), "nanning12345", "trunk-secret", "127.0.0.1",
                carrierPort, "077112345");
        start(EngineFixture.config(dir).withTrunks(List.of(out)));
        Sipp.Run carrier = Sipp.start(dir, "carrier-auth", "carrier-auth",
                Map.of("USER", "nanning12345", "PASSWORD", "trunk-secret"),
                List.of("-p", String.valueOf(carrierPort), "-mp", String.valueOf(FreePorts.media()), "-m", "1"));
        LegId callback = engine.originate("13800001111", null, false);
        engine.answered(callback).get(5, TimeUnit.SECONDS);
        engine.hangup(callback);
        carrier.expectSuccess(Duration.ofSeconds(10));
    }

    @Test
    void callerDigitsAreRelayedToAnOutsideNumberButNotToAgents() throws Exception {
        try (TestPhone otherCity = new TestPhone("carrier", 0, 0); TestPhone citizen = new TestPhone("13800138000", 440, 0)) {
            Trunk out = new Trunk("carrier-out", Set.of(), Set.of(), null, null, "127.0.0.1", otherCity.port(), "12345");
            start(EngineFixture.config(dir).withTrunks(List.of(
                    new Trunk("carrier", Set.of("12300"), Set.of("127.0.0.1"), null, null, null, 0, null), out)));
            citizen.retarget(engine.sipPort());
            citizen.dial("12300");
            LegId caller = events.awaitEvent(CallArrived.class, Duration.ofSeconds(3)).leg();
            LegId remote = engine.originate("02012345", null, false);
            engine.answered(remote).get(5, TimeUnit.SECONDS);
            engine.bridge(caller, remote);
            citizen.audio.sendDigit('4');
            await().atMost(Duration.ofSeconds(5)).until(() -> otherCity.audio.digits.size() >= 1);
            citizen.audio.sendDigit('2');
            await().atMost(Duration.ofSeconds(5)).until(() -> otherCity.audio.digits.size() >= 2);
            assertThat(otherCity.audio.digits).containsExactly('4', '2');
        }
    }

    @Test
    void trunkAccountRegistersWithTheCarrierAndTheTrunkIsProbed() throws Exception {
        try (FakeCarrier carrier = new FakeCarrier("nanning12345", "trunk-secret")) {
            Trunk ims = new Trunk("ims", Set.of(), Set.of(), "nanning12345", "trunk-secret", "127.0.0.1",
                    carrier.port(), "077112345", 60);
            start(EngineFixture.config(dir).withTrunks(List.of(ims)).withTrunkProbeSeconds(1));
            await("trunk registered and up").atMost(Duration.ofSeconds(10))
                    .until(() -> engine.isTrunkRegistered("ims") && engine.isTrunkUp("ims"));
            assertThat(carrier.refused.get()).isZero();
            carrier.close();
            await("carrier gone: probe times out").atMost(Duration.ofSeconds(10)).until(() -> !engine.isTrunkUp("ims"));
        }
    }

    @Test
    void answeredLegWhosePeerFallsSilentIsReleased() throws Exception {
        start(EngineFixture.config(dir).withMediaTimeout(Duration.ofSeconds(2)));
        try (TestPhone citizen = new TestPhone("13800138000", 440, engine.sipPort())) {
            citizen.dial("12300");
            await("the engine hears the phone").atMost(Duration.ofSeconds(5)).until(() -> citizen.audio.packetsIn() > 10);
            citizen.audio.sendTo(null); // the phone loses power: no BYE, no RTP
            var ended = (Ended) events.awaitEvent(Ended.class, Duration.ofSeconds(6));
            assertThat(ended.cause()).isEqualTo(EndCause.MEDIA_TIMEOUT);
            assertThat(citizen.awaitBye(2000)).isTrue();
        }
    }
}
