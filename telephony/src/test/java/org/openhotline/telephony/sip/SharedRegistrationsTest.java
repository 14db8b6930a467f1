package org.openhotline.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.telephony.LegId;
import org.openhotline.telephony.RegistrationStore;
import org.openhotline.telephony.TelephonyEngine;
import org.openhotline.telephony.TelephonyEvent.ExtensionRegistration;

/**
 * A phone registers once and any engine reaches it (docs/adr/050-cluster.md, decision 7): the registrations go to a
 * store the engines share, as the nodes of a cluster share the database, and the engine that takes over takes them
 * back. A phone that registered through a proxy asking to stay on the way (RFC 3327 Path, Kamailio) is called
 * through that proxy.
 */
@Timeout(60)
class SharedRegistrationsTest {
    @TempDir
    Path dir;

    @Test
    void aPhoneRegisteredWithOneEngineIsCalledByTheNextWithoutRegisteringAgain() throws Exception {
        MemoryRegistrationStore store = new MemoryRegistrationStore();
        try (TestPhone phone = new TestPhone(EngineFixture.EXTENSION, 700, 0)) {
            try (TelephonyEngine first = EngineFixture.builder(dir, new RecordedEvents()).registrationStore(store).start()) {
                phone.retarget(first.sipPort());
                phone.register(EngineFixture.PASSWORD);
                assertThat(first.isRegistered(EngineFixture.EXTENSION)).isTrue();
            }
            assertThat(store.load()).singleElement().satisfies(b -> {
                assertThat(b.extension()).isEqualTo(EngineFixture.EXTENSION);
                assertThat(b.contactUri()).endsWith(":" + phone.port());
            });

            // an engine that shares nothing does not know the phone: the store is what reaches it
            try (TelephonyEngine alone = EngineFixture.builder(dir, new RecordedEvents()).start()) {
                assertThat(alone.isRegistered(EngineFixture.EXTENSION)).isFalse();
            }

            RecordedEvents events = new RecordedEvents();
            try (TelephonyEngine next = EngineFixture.builder(dir, events).registrationStore(store).start()) {
                assertThat(next.isRegistered(EngineFixture.EXTENSION)).isTrue();
                assertThat(next.canReach(EngineFixture.EXTENSION)).isTrue();
                assertThat(next.canReach("13900001111")).as("no outbound trunk in the fixture").isFalse();
                events.await(ExtensionRegistration.class, r -> r.registered(), Duration.ofSeconds(5));
                LegId leg = next.originate(EngineFixture.EXTENSION, "12345", false);
                next.answered(leg).get(10, TimeUnit.SECONDS);
                assertThat(phone.lastInvite).startsWith("INVITE sip:" + EngineFixture.EXTENSION + "@127.0.0.1:" + phone.port());
                next.hangup(leg);
                assertThat(phone.awaitBye(5000)).isTrue();
            }
        }
    }

    @Test
    void aPhoneRegisteredThroughAProxyIsCalledThroughThatProxy() throws Exception {
        try (TestPhone phone = new TestPhone(EngineFixture.EXTENSION, 700, 0);
             DatagramSocket proxy = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             TelephonyEngine engine = EngineFixture.builder(dir, new RecordedEvents())
                     .registrationStore(RegistrationStore.NONE).start()) {
            phone.retarget(engine.sipPort());
            String path = "<sip:127.0.0.1:" + proxy.getLocalPort() + ";lr>";
            String ok = phone.register(EngineFixture.PASSWORD, "Supported: path\r\nPath: " + path + "\r\n");
            assertThat(ok).as("the registrar returns the Path it stored").containsIgnoringCase("Path: " + path);

            LegId leg = engine.originate(EngineFixture.EXTENSION, "12345", false);
            proxy.setSoTimeout(10_000);
            byte[] buf = new byte[8192];
            DatagramPacket packet = new DatagramPacket(buf, buf.length);
            proxy.receive(packet);
            String invite = new String(buf, 0, packet.getLength(), StandardCharsets.UTF_8);
            assertThat(invite).as("the INVITE goes to the proxy, addressed to the phone's Contact")
                    .startsWith("INVITE sip:" + EngineFixture.EXTENSION + "@127.0.0.1:" + phone.port())
                    .containsIgnoringCase("Route: " + path);
            assertThat(phone.lastInvite).as("not to the phone directly").isNull();
            engine.hangup(leg);
        }
    }
}
