package org.openhotline.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.telephony.ExtensionDirectory;
import org.openhotline.telephony.TelephonyEngine;
import org.openhotline.telephony.TelephonyEngineBuilder;
import org.openhotline.telephony.TelephonyEvent.*;
import org.openhotline.telephony.Trunk;
import org.openhotline.telephony.ivr.Flow;
import org.openhotline.telephony.ivr.FlowParser;
import org.openhotline.telephony.ivr.FlowRepository;

/** Voicemail through the engine, trunks admitted by digest, and registrations expiring on the clock. */
@Timeout(60)
class EngineServicesTest {
    @TempDir
    Path dir;
    RecordedEvents events = new RecordedEvents();
    TelephonyEngine engine;

    @AfterEach
    void stop() {
        if (engine != null) engine.close();
    }

    TelephonyEngineBuilder builder() {
        return EngineFixture.builder(dir, e -> {
            events.on(e);
            if (e instanceof CallArrived a && a.trunk().equals("sbc")) engine.answer(a.leg());
        });
    }

    @Test
    void voicemailRecordsTheCallerUntilSilenceThenHangsUp() throws Exception {
        Flow vm = FlowParser.parse("""
                {"id": "vm", "start": "vm", "steps": {
                  "vm": {"type": "voicemail", "prompt": "no-such-prompt", "maxSeconds": 20}}}""");
        engine = builder().flows(new FlowRepository() {
            @Override
            public Optional<Flow> find(String id) {
                return Optional.of(vm);
            }

            @Override
            public Optional<Flow> forNumber(String number) {
                return Optional.of(vm);
            }
        }).start();
        try (TestPhone citizen = new TestPhone("13800138000", 440, engine.sipPort())) {
            citizen.dial("12300");
            // the caller speaks for a second (8000 samples of its tone reach the engine's recorder)
            long sent = citizen.audio.packetsOut();
            await("the caller spoke a second").atMost(Duration.ofSeconds(10)).until(() -> citizen.audio.packetsOut() - sent >= 50);
            citizen.audio.tone(0); // the caller has finished speaking
            // On a busy machine the caller may speak longer than the second waited for: what it sent counts.
            double spoke = (citizen.audio.packetsOut() - sent) * 0.020;
            RecordingReady rec = events.awaitEvent(RecordingReady.class, Duration.ofSeconds(8));
            IvrFinished done = events.awaitEvent(IvrFinished.class, Duration.ofSeconds(2));
            assertThat(done.outcome()).isEqualTo("voicemail");
            assertThat(done.variables().get("voicemail")).isEqualTo(rec.file().toString());
            assertThat(rec.duration().toMillis() / 1000.0).as("the message (%.2f s) + 3 s silence", spoke)
                    .isCloseTo(spoke + 3.0, Offset.offset(0.6));
            assertThat(WavCheck.read(rec.file()).leftLevel()).isGreaterThan(200);
            assertThat(citizen.awaitBye(3000)).isTrue();
        }
    }

    @Test
    void voicemailEndsWhenTheCallerPressesHash() throws Exception {
        Flow vm = FlowParser.parse("""
                {"id": "vm", "start": "vm", "steps": {
                  "vm": {"type": "voicemail", "prompt": "no-such-prompt", "maxSeconds": 120}}}""");
        engine = builder().flows(new FlowRepository() {
            @Override
            public Optional<Flow> find(String id) {
                return Optional.of(vm);
            }

            @Override
            public Optional<Flow> forNumber(String number) {
                return Optional.of(vm);
            }
        }).start();
        try (TestPhone citizen = new TestPhone("13800138001", 440, engine.sipPort())) {
            citizen.dial("12300");
            long sent = citizen.audio.packetsOut();
            await("the caller spoke a second").atMost(Duration.ofSeconds(10)).until(() -> citizen.audio.packetsOut() - sent >= 50);
            // the caller keeps speaking (no silence ends it) and presses # long before the maximum
            citizen.info('#');
            RecordingReady rec = events.awaitEvent(RecordingReady.class, Duration.ofSeconds(30));
            IvrFinished done = events.awaitEvent(IvrFinished.class, Duration.ofSeconds(5));
            assertThat(done.outcome()).isEqualTo("voicemail");
            assertThat(done.variables().get("voicemail")).isEqualTo(rec.file().toString());
            assertThat(rec.duration()).as("ended by #, not by the 120 s maximum").isLessThan(Duration.ofSeconds(60));
            assertThat(WavCheck.read(rec.file()).leftLevel()).isGreaterThan(200);
        }
    }

    @Test
    void trunkWithoutAllowListIsAdmittedByDigest() throws Exception {
        Trunk sbc = new Trunk("sbc", Set.of("12345"), Set.of(), "sbc", "sbc-pw", null, 0, "12345");
        var config = EngineFixture.config(dir).withTrunks(List.of(sbc));
        engine = TelephonyEngine.builder(config).listener(e -> {
            events.on(e);
            if (e instanceof CallArrived a) engine.answer(a.leg());
        }).extensions(ExtensionDirectory.of(Map.of())).start();
        try (TestPhone carrier = new TestPhone("sbc", 440, engine.sipPort())) {
            carrier.dial("12345", "sbc-pw");
            assertThat(events.awaitEvent(CallArrived.class, Duration.ofSeconds(2)).trunk()).isEqualTo("sbc");
        }
    }

    @Test
    void expiredRegistrationIsReportedAndTheExtensionIsNoLongerReachable() throws Exception {
        var clock = new DigestAndRegistrationsTest.MovableClock();
        engine = builder().clock(clock).start();
        try (TestPhone agent = new TestPhone("1001", 1000, engine.sipPort())) {
            agent.register(EngineFixture.PASSWORD);
            assertThat(engine.isRegistered("1001")).isTrue();
            clock.now = clock.now.plusSeconds(121);
            assertThat(engine.isRegistered("1001")).isFalse();
            events.await(ExtensionRegistration.class, r -> !r.registered(), Duration.ofSeconds(3));
        }
    }
}
