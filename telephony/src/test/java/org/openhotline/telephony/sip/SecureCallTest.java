package org.openhotline.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import org.openhotline.telephony.SipSecurity;
import org.openhotline.telephony.SrtpPolicy;
import org.openhotline.telephony.TelephonyEngine;
import org.openhotline.telephony.TelephonyEvent.*;
import org.openhotline.telephony.media.Prompt;
import org.openhotline.telephony.media.WavFile;

/**
 * Issue 19's "TLS + SRTP call with baresip": the agent's softphone registers over SIP/TLS with SRTP mandatory, a
 * citizen calls in over plain UDP/RTP (the carrier trunk), the engine rings the phone over TLS offering RTP/SAVP with
 * an SDES key, and both talk: baresip hears the citizen through SRTP, the engine authenticates and records baresip's
 * SRTP. Plain RTP where SRTP is required is refused.
 */
@Timeout(120)
class SecureCallTest {
    @TempDir
    Path dir;

    private SipSecurity security(SrtpPolicy carrier) {
        return new SipSecurity(new SipSecurity.Tls(FreePorts.sip(), null, null, null, null, dir.resolve("tls"),
                "127.0.0.1"), SrtpPolicy.REQUIRED, Map.of("carrier", carrier), SrtpPolicy.OPTIONAL);
    }

    @Test
    void baresipOverTlsWithSrtpTalksWithAPlainCitizenBothWays() throws Exception {
        Sipp.requireInstalled();
        Path speak = dir.resolve("agent-voice.wav");
        Files.write(speak, WavFile.toBytes(Prompt.tone("agent", 1000, 30_000, 6000).samples()));
        RecordedEvents events = new RecordedEvents();
        AtomicReference<TelephonyEngine> ref = new AtomicReference<>();
        AtomicReference<LegId> agentLeg = new AtomicReference<>();
        try (TelephonyEngine engine = EngineFixture.builder(dir, events).security(security(SrtpPolicy.OPTIONAL))
                .queues(call -> {
                    TelephonyEngine e = ref.get();
                    LegId agent = e.originate(EngineFixture.EXTENSION, "12345", true);
                    agentLeg.set(agent);
                    e.answered(agent).thenRun(() -> {
                        e.bridge(call.leg(), agent);
                        e.record(call.leg(), agent);
                    });
                }).start()) {
            ref.set(engine);
            assertThat(engine.sipTlsPort()).isPositive();
            Path certificate = dir.resolve("tls").resolve(TlsKeys.GENERATED_CERT);
            assertThat(certificate).as("self-signed certificate made at first start").exists();
            try (Baresip phone = Baresip.startSecure(dir, engine.sipTlsPort(), EngineFixture.EXTENSION,
                    EngineFixture.PASSWORD, speak, certificate)) {
                try {
                    events.await(ExtensionRegistration.class, r -> r.registered(), Duration.ofSeconds(15));
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
                    events.await(Bridged.class, b -> b.leg().equals(citizen), Duration.ofSeconds(15));
                } catch (AssertionError e) {
                    throw new AssertionError(e.getMessage() + "\nbaresip:\n" + phone.log(), e);
                }
                caller.expectSuccess(Duration.ofSeconds(30));
                Ended agentEnded = (Ended) events.await(Ended.class, e -> e.leg().equals(agentLeg.get()),
                        Duration.ofSeconds(5)).event();
                assertThat(agentEnded.media().srtp()).as("the phone's leg was SRTP").isTrue();
                assertThat(agentEnded.media().packetsIn()).as("engine authenticated baresip's SRTP").isGreaterThan(200);
                assertThat(agentEnded.media().srtpDropped()).as("no packet failed authentication").isZero();
                Ended citizenEnded = (Ended) events.await(Ended.class, e -> e.leg().equals(citizen),
                        Duration.ofSeconds(5)).event();
                assertThat(citizenEnded.media().srtp()).as("the trunk leg stayed plain RTP").isFalse();
                RecordingReady rec = events.awaitEvent(RecordingReady.class, Duration.ofSeconds(5));
                WavCheck wav = WavCheck.read(rec.file());
                assertThat(wav.leftLevel()).as("citizen on the left").isGreaterThan(100);
                assertThat(wav.rightLevel()).as("baresip agent, decrypted, on the right").isGreaterThan(1000);
                await("baresip heard the citizen through SRTP").atMost(Duration.ofSeconds(10)).ignoreExceptions()
                        .until(() -> WavCheck.read(phone.heard()).leftLevel() > 100);
                assertThat(phone.log()).contains("SRTP is Enabled").doesNotContain("failed to decrypt");
                phone.close();
            }
        }
    }

    @Test
    void baresipCallsTheIvrOverTlsWithSrtpAndBothSidesHearEachOther() throws Exception {
        Path speak = dir.resolve("citizen-voice.wav");
        Files.write(speak, WavFile.toBytes(Prompt.tone("citizen", 700, 30_000, 6000).samples()));
        RecordedEvents events = new RecordedEvents();
        try (TelephonyEngine engine = EngineFixture.builder(dir, events).security(security(SrtpPolicy.REQUIRED))
                .start()) {
            Path certificate = dir.resolve("tls").resolve(TlsKeys.GENERATED_CERT);
            try (Baresip phone = Baresip.startSecure(dir, engine.sipTlsPort(), EngineFixture.EXTENSION,
                    EngineFixture.PASSWORD, speak, certificate)) {
                events.await(ExtensionRegistration.class, r -> r.registered(), Duration.ofSeconds(15));
                phone.command("/dial sip:12345@127.0.0.1:" + engine.sipTlsPort() + ";transport=tls");
                LegId call;
                try {
                    call = ((Answered) events.await(Answered.class, a -> true, Duration.ofSeconds(15)).event()).leg();
                } catch (AssertionError e) {
                    throw new AssertionError(e.getMessage() + "\nbaresip:\n" + phone.log(), e);
                }
                // the carrier trunk requires SRTP here: the IVR answered, so the call is SRTP over TLS
                await("the engine authenticates baresip's SRTP").atMost(Duration.ofSeconds(15))
                        .until(() -> engine.mediaStats(call).map(m -> m.packetsIn()).orElse(0L) > 100);
                engine.hangup(call);
                Ended ended = (Ended) events.await(Ended.class, e -> e.leg().equals(call), Duration.ofSeconds(5)).event();
                assertThat(ended.media().srtp()).isTrue();
                assertThat(ended.media().srtpDropped()).isZero();
                await("baresip heard the IVR's prompts through SRTP").atMost(Duration.ofSeconds(10))
                        .ignoreExceptions().until(() -> WavCheck.read(phone.heard()).leftLevel() > 100);
                assertThat(phone.log()).contains("SRTP is Enabled").doesNotContain("failed to decrypt");
            }
        }
    }

    @Test
    void plainRtpIsRefusedWhereSrtpIsRequiredAndPlainPathsStayOpen() throws Exception {
        Sipp.requireInstalled();
        RecordedEvents events = new RecordedEvents();
        try (TelephonyEngine engine = EngineFixture.builder(dir, events).security(security(SrtpPolicy.REQUIRED))
                .start()) {
            // the carrier trunk requires SRTP: a plain RTP/AVP offer over UDP is answered 488
            Sipp.Run refused = Sipp.start(dir, "caller-rejected", "refused", Map.of("CALLED", "12345", "STATUS", "488"),
                    List.of("127.0.0.1:" + engine.sipPort(), "-p", String.valueOf(FreePorts.sip()),
                            "-mp", String.valueOf(FreePorts.media()), "-m", "1"));
            refused.expectSuccess(Duration.ofSeconds(20));
            assertThat(events.events()).noneMatch(e -> e instanceof CallArrived);
            // phones require SRTP too: an extension reachable only over UDP cannot be rung with a key in the clear
            Sipp.start(dir, "register", "register", Map.of("EXT", EngineFixture.EXTENSION, "CONTACT_PORT",
                    String.valueOf(FreePorts.sip()), "EXPIRES", "120", "EXPECT", "200"), List.of("127.0.0.1:"
                    + engine.sipPort(), "-p", String.valueOf(FreePorts.sip()), "-m", "1", "-au", EngineFixture.EXTENSION,
                    "-ap", EngineFixture.PASSWORD)).expectSuccess(Duration.ofSeconds(15));
            assertThat(engine.isRegistered(EngineFixture.EXTENSION)).isTrue();
            assertThatThrownBy(() -> engine.originate(EngineFixture.EXTENSION, "12345", true))
                    .hasMessageContaining("SRTP is required");
        }
    }
}
