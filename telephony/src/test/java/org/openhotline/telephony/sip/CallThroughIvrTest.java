package org.openhotline.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.openhotline.telephony.MediaStats;
import org.openhotline.telephony.TelephonyEngine;
import org.openhotline.telephony.TelephonyEvent;
import org.openhotline.telephony.TelephonyEvent.*;

/**
 * The whole path with real peers: a sipp agent phone registers 1001 with digest auth; a sipp citizen
 * dials 12345, hears the IVR, presses 1 (RFC 2833), is queued, the queue rings 1001 with auto-answer,
 * both talk (pcap audio), the citizen hangs up. Both sides must have received the other's RTP and the
 * stereo recording must be as long as the talk.
 */
@Timeout(90)
class CallThroughIvrTest {
    @TempDir
    Path dir;

    @Test
    void citizenReachesRegisteredAgentThroughTheIvrAndTheCallIsRecorded() throws Exception {
        Sipp.requireInstalled();
        RecordedEvents events = new RecordedEvents();
        AtomicReference<TelephonyEngine> engineRef = new AtomicReference<>();
        AtomicReference<LegId> agentLeg = new AtomicReference<>();
        AtomicReference<String> queued = new AtomicReference<>();
        try (TelephonyEngine engine = EngineFixture.builder(dir, events).queues(call -> {
            // what the call center will do: pick an agent, ring with soft off-hook, bridge and record
            queued.set(call.queue());
            TelephonyEngine e = engineRef.get();
            LegId agent = e.originate(EngineFixture.EXTENSION, "12345", true);
            agentLeg.set(agent);
            e.answered(agent).thenRun(() -> {
                e.bridge(call.leg(), agent);
                e.record(call.leg(), agent);
            });
        }).start()) {
            engineRef.set(engine);
            int agentSip = FreePorts.sip();
            Sipp.Run agent = Sipp.start(dir, "agent", "agent", Map.of("EXT", EngineFixture.EXTENSION),
                    List.of("-p", String.valueOf(agentSip), "-mp", String.valueOf(FreePorts.media()), "-rtp_echo",
                            "-m", "1"));
            Sipp.start(dir, "register", "register",
                    Map.of("EXT", "1001", "CONTACT_PORT", String.valueOf(agentSip), "EXPIRES", "120", "EXPECT", "200"),
                    List.of("127.0.0.1:" + engine.sipPort(), "-p", String.valueOf(FreePorts.sip()), "-m", "1",
                            "-au", "1001", "-ap", EngineFixture.PASSWORD))
                    .expectSuccess(Duration.ofSeconds(15));
            assertThat(engine.isRegistered("1001")).isTrue();

            Sipp.Run caller = Sipp.start(dir, "caller", "caller",
                    Map.of("CALLED", "12345", "DIGIT", "1", "BEFORE_DIGIT_MS", "1500", "BEFORE_TALK_MS", "6000",
                            "TALK_MS", "7500"),
                    List.of("127.0.0.1:" + engine.sipPort(), "-p", String.valueOf(FreePorts.sip()),
                            "-mp", String.valueOf(FreePorts.media()), "-rtp_echo", "-m", "1"));

            CallArrived arrived = events.awaitEvent(CallArrived.class, Duration.ofSeconds(10));
            assertThat(arrived.to()).isEqualTo("12345");
            assertThat(arrived.trunk()).isEqualTo("carrier");
            LegId callerLeg = arrived.leg();
            events.await(DtmfReceived.class, d -> d.leg().equals(callerLeg) && d.digit() == '1', Duration.ofSeconds(10));
            events.await(IvrFinished.class, f -> f.outcome().equals("queue:general"), Duration.ofSeconds(15));
            RecordedEvents.Seen bridged;
            try {
                bridged = events.await(Bridged.class, b -> b.leg().equals(callerLeg), Duration.ofSeconds(10));
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\nagent sipp:\n" + agent.output(), e);
            }
            assertThat(queued.get()).isEqualTo("general");

            caller.expectSuccess(Duration.ofSeconds(40));
            var ended = events.await(Ended.class, e -> e.leg().equals(callerLeg), Duration.ofSeconds(5));
            Ended agentEnded = (Ended) events.await(Ended.class, e -> e.leg().equals(agentLeg.get()),
                    Duration.ofSeconds(5)).event();
            MediaStats c = ((Ended) ended.event()).media();
            MediaStats a = agentEnded.media();
            assertThat(c.codec()).isEqualTo("PCMA");
            assertThat(c.packetsIn()).as("engine received citizen's RTP").isGreaterThan(200);
            assertThat(a.packetsIn()).as("engine received agent's RTP").isGreaterThan(200);
            assertThat(c.echoesReceived()).as("citizen received (and echoed) our RTP").isGreaterThan(200);
            assertThat(a.echoesReceived()).as("agent received (and echoed) our RTP").isGreaterThan(200);
            // payload check for what we sent: every echoed packet carries exactly the bytes we sent
            assertThat(c.intactEchoes()).isEqualTo(c.echoesReceived());
            assertThat(a.intactEchoes()).isEqualTo(a.echoesReceived());
            agent.expectSuccess(Duration.ofSeconds(10));

            RecordingReady rec = events.awaitEvent(RecordingReady.class, Duration.ofSeconds(5));
            double talkSeconds = (ended.nanos() - bridged.nanos()) / 1e9;
            assertThat(Files.exists(rec.file())).isTrue();
            assertThat(rec.duration().toMillis() / 1000.0).isCloseTo(talkSeconds, org.assertj.core.data.Offset.offset(0.5));
            WavCheck wav = WavCheck.read(rec.file());
            assertThat(wav.channels()).isEqualTo(2);
            assertThat(wav.seconds()).isCloseTo(talkSeconds, org.assertj.core.data.Offset.offset(0.5));
            assertThat(wav.leftLevel()).as("caller's voice on the left").isGreaterThan(100);
            assertThat(wav.rightLevel()).as("agent's voice on the right").isGreaterThan(100);
            assertThat(events.events()).noneMatch(e -> e instanceof TelephonyEvent.Ended x
                    && x.cause() != org.openhotline.telephony.EndCause.NORMAL_CLEARING);
        }
    }
}
