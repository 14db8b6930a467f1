package org.openhotline.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.telephony.LegId;
import org.openhotline.telephony.TelephonyEngine;
import org.openhotline.telephony.TelephonyEvent.*;
import org.openhotline.telephony.media.Prompt;
import org.openhotline.telephony.media.WavFile;

/**
 * The "done when": baresip registered as extension 1001 is called through the IVR by a sipp
 * citizen, answers by itself, and both talk: the softphone hears the citizen, the recording holds both.
 */
@Timeout(90)
class SoftphoneTest {
    @TempDir
    Path dir;

    @Test
    void baresipAgentTalksWithSippCitizenThroughTheIvr() throws Exception {
        Sipp.requireInstalled();
        Path speak = dir.resolve("agent-voice.wav");
        Files.write(speak, WavFile.toBytes(Prompt.tone("agent", 1000, 30_000, 6000).samples()));
        RecordedEvents events = new RecordedEvents();
        AtomicReference<TelephonyEngine> ref = new AtomicReference<>();
        AtomicReference<LegId> agentLeg = new AtomicReference<>();
        try (TelephonyEngine engine = EngineFixture.builder(dir, events).queues(call -> {
            TelephonyEngine e = ref.get();
            LegId agent = e.originate(EngineFixture.EXTENSION, "12345", true);
            agentLeg.set(agent);
            e.answered(agent).thenRun(() -> {
                e.bridge(call.leg(), agent);
                e.record(call.leg(), agent);
            });
        }).start()) {
            ref.set(engine);
            try (Baresip phone = Baresip.start(dir, engine.sipPort(), "1001", EngineFixture.PASSWORD, speak)) {
                try {
                    events.await(ExtensionRegistration.class, r -> r.registered(), Duration.ofSeconds(10));
                } catch (AssertionError e) {
                    throw new AssertionError(e.getMessage() + "\nbaresip:\n" + phone.log(), e);
                }
                Sipp.Run caller = Sipp.start(dir, "caller", "caller",
                        Map.of("CALLED", "12346", "DIGIT", "1", "BEFORE_DIGIT_MS", "300", "BEFORE_TALK_MS", "500",
                                "TALK_MS", "7200"),
                        List.of("127.0.0.1:" + engine.sipPort(), "-p", String.valueOf(FreePorts.sip()),
                                "-mp", String.valueOf(FreePorts.media()), "-rtp_echo", "-m", "1"));
                LegId citizen = events.awaitEvent(CallArrived.class, Duration.ofSeconds(5)).leg();
                try {
                    events.await(Bridged.class, b -> b.leg().equals(citizen), Duration.ofSeconds(10));
                } catch (AssertionError e) {
                    throw new AssertionError(e.getMessage() + "\nbaresip:\n" + phone.log(), e);
                }
                caller.expectSuccess(Duration.ofSeconds(30));
                Ended agentEnded = (Ended) events.await(Ended.class, e -> e.leg().equals(agentLeg.get()),
                        Duration.ofSeconds(5)).event();
                assertThat(agentEnded.media().packetsIn()).as("engine received baresip's RTP").isGreaterThan(200);
                RecordingReady rec = events.awaitEvent(RecordingReady.class, Duration.ofSeconds(5));
                WavCheck wav = WavCheck.read(rec.file());
                assertThat(wav.leftLevel()).as("citizen on the left").isGreaterThan(100);
                assertThat(wav.rightLevel()).as("baresip agent on the right").isGreaterThan(1000);
                // baresip completes its dump when the call ends
                await("baresip heard the citizen").atMost(Duration.ofSeconds(10)).ignoreExceptions()
                        .until(() -> WavCheck.read(phone.heard()).leftLevel() > 100);
                phone.close();
            }
        }
    }
}
