package org.openhotline.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.telephony.EndCause;
import org.openhotline.telephony.LegId;
import org.openhotline.telephony.SipSecurity;
import org.openhotline.telephony.SrtpPolicy;
import org.openhotline.telephony.TelephonyEngine;
import org.openhotline.telephony.TelephonyEvent.*;
import org.openhotline.telephony.Trunk;
import org.openhotline.telephony.media.Prompt;
import org.openhotline.telephony.media.WavFile;

/**
 * Issue 19 towards carriers: a trunk set to TLS is dialled over a TLS connection the engine opens, after checking the
 * carrier's certificate against the configured trust store and its name against the trunk's host, with SDES SRTP
 * offered (required: RTP/SAVP only). The carrier is baresip listening on TLS with its own certificate; a citizen on
 * plain UDP/RTP is handed over to it and both sides hear each other.
 */
@Timeout(120)
class TrunkOverTlsTest {
    private static final String CARRIER_NUMBER = "12399";
    @TempDir
    Path dir;

    /** A certificate for {@code host} and one PEM with certificate and key, as baresip's sip_certificate wants. */
    private Path carrierCertificate(String name, String host) throws Exception {
        Path cert = dir.resolve(name + ".crt");
        Path key = dir.resolve(name + ".key");
        TlsKeys.selfSigned(host, cert, key);
        Path both = dir.resolve(name + ".pem");
        Files.writeString(both, Files.readString(cert) + Files.readString(key));
        return both;
    }

    private static SipSecurity security(Path dir, Path trusted) {
        return new SipSecurity(new SipSecurity.Tls(FreePorts.sip(), null, null, null, null, dir.resolve("tls"),
                "127.0.0.1", trusted), SrtpPolicy.OPTIONAL, Map.of("carrier", SrtpPolicy.OPTIONAL,
                "carrier-tls", SrtpPolicy.REQUIRED), SrtpPolicy.OPTIONAL);
    }

    private static Trunk tlsTrunk(Baresip carrier) {
        return new Trunk("carrier-tls", Set.of(), Set.of("127.0.0.1"), null, null, "127.0.0.1", carrier.tlsPort(),
                "077112345").withTransport("tls");
    }

    /** The fixture's carrier for calls coming in (plain UDP) and the TLS carrier for calls going out. */
    private org.openhotline.telephony.TelephonyConfig withTlsTrunk(Baresip carrier) {
        var config = EngineFixture.config(dir);
        return config.withTrunks(List.of(config.trunks().getFirst(), tlsTrunk(carrier)));
    }

    private Path engineCertificate() {
        return dir.resolve("tls").resolve(TlsKeys.GENERATED_CERT);
    }

    @Test
    void aCitizenIsHandedToACarrierOverTlsWithSrtpAndBothHearEachOther() throws Exception {
        Sipp.requireInstalled();
        Path speak = dir.resolve("carrier-voice.wav");
        Files.write(speak, WavFile.toBytes(Prompt.tone("carrier", 1000, 30_000, 6000).samples()));
        Path carrierPem = carrierCertificate("carrier", "127.0.0.1");
        RecordedEvents events = new RecordedEvents();
        AtomicReference<TelephonyEngine> ref = new AtomicReference<>();
        AtomicReference<LegId> outbound = new AtomicReference<>();
        // the engine's self-signed certificate is made at its first start; baresip trusts it for connections back
        Files.createDirectories(dir.resolve("tls"));
        TlsKeys.selfSigned("127.0.0.1", engineCertificate(), dir.resolve("tls").resolve(TlsKeys.GENERATED_KEY));
        try (Baresip carrier = Baresip.startTlsTrunk(dir, CARRIER_NUMBER, speak, carrierPem, engineCertificate(), true);
             TelephonyEngine engine = EngineFixture.builder(dir, events, withTlsTrunk(carrier))
                     .security(security(dir, dir.resolve("carrier.crt")))
                     .queues(call -> {
                         TelephonyEngine e = ref.get();
                         LegId out = e.originate(CARRIER_NUMBER, null, false);
                         outbound.set(out);
                         e.answered(out).thenRun(() -> {
                             e.bridge(call.leg(), out);
                             e.record(call.leg(), out);
                         });
                     }).start()) {
            ref.set(engine);
            Sipp.Run citizen = Sipp.start(dir, "caller", "caller",
                    Map.of("CALLED", "12346", "DIGIT", "1", "BEFORE_DIGIT_MS", "300", "BEFORE_TALK_MS", "500",
                            "TALK_MS", "7200"),
                    List.of("127.0.0.1:" + engine.sipPort(), "-p", String.valueOf(FreePorts.sip()),
                            "-mp", String.valueOf(FreePorts.media()), "-rtp_echo", "-m", "1"));
            LegId citizenLeg = events.awaitEvent(CallArrived.class, Duration.ofSeconds(10)).leg();
            try {
                events.await(Bridged.class, b -> b.leg().equals(citizenLeg), Duration.ofSeconds(20));
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\nbaresip:\n" + carrier.log(), e);
            }
            citizen.expectSuccess(Duration.ofSeconds(30));
            Ended carrierEnded = (Ended) events.await(Ended.class, e -> e.leg().equals(outbound.get()),
                    Duration.ofSeconds(10)).event();
            assertThat(carrierEnded.cause()).isEqualTo(EndCause.NORMAL_CLEARING);
            assertThat(carrierEnded.media().srtp()).as("the carrier's leg was SRTP").isTrue();
            assertThat(carrierEnded.media().packetsIn()).as("engine authenticated the carrier's SRTP").isGreaterThan(200);
            assertThat(carrierEnded.media().srtpDropped()).as("no packet failed authentication").isZero();
            RecordingReady rec = events.awaitEvent(RecordingReady.class, Duration.ofSeconds(5));
            WavCheck wav = WavCheck.read(rec.file());
            assertThat(wav.rightLevel()).as("the carrier, decrypted, on the right").isGreaterThan(1000);
            await("the carrier heard the citizen through SRTP").atMost(Duration.ofSeconds(10)).ignoreExceptions()
                    .until(() -> WavCheck.read(carrier.heard()).leftLevel() > 100);
            // the BYE reached the carrier: over the connection we opened, since it cannot be sent over UDP to a TLS peer
            await("the carrier saw the call end").atMost(Duration.ofSeconds(10))
                    .until(() -> carrier.log().contains("terminated"));
            assertThat(carrier.log()).contains("SRTP is Enabled").doesNotContain("failed to decrypt");
        }
    }

    @Test
    void aCarrierWithoutAVouchedCertificateForItsHostOrWithoutSrtpIsNotCalled() throws Exception {
        Path speak = dir.resolve("carrier-voice.wav");
        Files.write(speak, WavFile.toBytes(Prompt.tone("carrier", 1000, 30_000, 6000).samples()));
        Path trusted = carrierCertificate("trusted", "127.0.0.1");
        Files.createDirectories(dir.resolve("tls"));
        TlsKeys.selfSigned("127.0.0.1", engineCertificate(), dir.resolve("tls").resolve(TlsKeys.GENERATED_KEY));
        // a certificate the trust store does not hold, one it holds but issued for another host, and a carrier that
        // has the right certificate but offers no SRTP where the trunk requires it
        Path stranger = carrierCertificate("stranger", "127.0.0.1");
        Path otherHost = carrierCertificate("other-host", "sbc.example.net");
        Path bundle = dir.resolve("trusted-bundle.crt");
        Files.writeString(bundle, Files.readString(dir.resolve("trusted.crt")) + Files.readString(dir.resolve("other-host.crt")));
        record Carrier(Path certificate, boolean srtp, String name) { }
        for (Carrier c : List.of(new Carrier(stranger, true, "untrusted"), new Carrier(otherHost, true, "other-host"),
                new Carrier(trusted, false, "plain-rtp"))) {
            RecordedEvents events = new RecordedEvents();
            Path home = Files.createDirectories(dir.resolve(c.name()));
            try (Baresip carrier = Baresip.startTlsTrunk(home, CARRIER_NUMBER, speak, c.certificate(),
                    engineCertificate(), c.srtp());
                 TelephonyEngine engine = EngineFixture.builder(dir, events, withTlsTrunk(carrier))
                         .security(security(dir, bundle)).start()) {
                EndCause cause;
                try {
                    LegId out = engine.originate(CARRIER_NUMBER, null, false);
                    cause = ((Ended) events.await(Ended.class, e -> e.leg().equals(out), Duration.ofSeconds(30))
                            .event()).cause();
                } catch (IllegalStateException handshakeFailed) {
                    cause = EndCause.FAILED; // the stack refused the certificate while sending the INVITE
                }
                assertThat(events.events()).as(c.name() + ": never answered").noneMatch(e -> e instanceof Answered);
                // the carrier without SRTP refuses our RTP/SAVP offer (488); the others fail at once, not by timeout
                assertThat(cause).as(c.name()).isEqualTo(c.srtp() ? EndCause.FAILED : EndCause.MEDIA_MISMATCH);
                if (c.srtp()) {
                    assertThat(carrier.log()).as(c.name() + ": the INVITE never reached the carrier")
                            .doesNotContain("Incoming call").doesNotContain("answering call");
                }
            }
        }
    }
}
