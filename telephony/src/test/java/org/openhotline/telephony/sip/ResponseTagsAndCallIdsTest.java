package org.openhotline.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.telephony.TelephonyEngine;

/**
 * What a second, stricter phone (linphone) checks: every response but 100 carries a To tag (RFC 3261 section
 * 8.2.6.2), and the Call-IDs we make up name the address we advertise, not the wildcard the engine binds to.
 */
@Timeout(60)
class ResponseTagsAndCallIdsTest {

    @TempDir
    Path dir;

    TelephonyEngine engine;

    @AfterEach
    void stop() {
        if (engine != null) engine.close();
    }

    @Test
    void optionsAndRegisterAnswersCarryAToTag() throws Exception {
        engine = EngineFixture.builder(dir, e -> { }).start();
        try (DatagramSocket udp = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             TestPhone phone = new TestPhone(EngineFixture.EXTENSION, 1000, engine.sipPort())) {
            assertThat(toOf(ask(udp, "OPTIONS", "sip:hotline@127.0.0.1"))).contains(";tag=");
            String challenge = ask(udp, "REGISTER", "sip:127.0.0.1");
            assertThat(challenge).startsWith("SIP/2.0 401");
            assertThat(toOf(challenge)).contains(";tag=");
            assertThat(toOf(phone.register(EngineFixture.PASSWORD))).contains(";tag=");
        }
    }

    @Test
    void callIdsNameTheAdvertisedAddressWhenBoundToAllInterfaces() throws Exception {
        engine = TelephonyEngine.builder(EngineFixture.config(dir).withAddresses("0.0.0.0", "127.0.0.1"))
                .extensions(org.openhotline.telephony.ExtensionDirectory.of(java.util.Map.of(EngineFixture.EXTENSION, EngineFixture.PASSWORD)))
                .start();
        try (TestPhone phone = new TestPhone(EngineFixture.EXTENSION, 1000, engine.sipPort())) {
            phone.register(EngineFixture.PASSWORD);
            engine.originate(EngineFixture.EXTENSION, "12345", true);
            await().atMost(Duration.ofSeconds(10)).until(() -> phone.lastInvite != null);
            Matcher callId = Pattern.compile("(?im)^Call-ID:\\s*(\\S+)").matcher(phone.lastInvite);
            assertThat(callId.find()).isTrue();
            assertThat(callId.group(1)).endsWith("@127.0.0.1");
        }
    }

    private static String toOf(String response) {
        Matcher to = Pattern.compile("(?im)^(To|t):(.*)$").matcher(response);
        return to.find() ? to.group(2) : "";
    }

    private String ask(DatagramSocket s, String method, String uri) throws Exception {
        String callId = method.toLowerCase() + "-" + System.nanoTime() + "@127.0.0.1";
        String msg = method + " " + uri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + s.getLocalPort() + ";branch=z9hG4bK" + System.nanoTime() + "\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:" + EngineFixture.EXTENSION + "@127.0.0.1>;tag=p\r\n"
                + "To: <sip:" + EngineFixture.EXTENSION + "@127.0.0.1>\r\nCall-ID: " + callId + "\r\nCSeq: 1 " + method + "\r\n"
                + "Contact: <sip:" + EngineFixture.EXTENSION + "@127.0.0.1:" + s.getLocalPort() + ">\r\nContent-Length: 0\r\n\r\n";
        byte[] b = msg.getBytes(StandardCharsets.UTF_8);
        s.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), engine.sipPort()));
        s.setSoTimeout(5000);
        byte[] buf = new byte[4096];
        while (true) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            s.receive(p);
            String r = new String(buf, 0, p.getLength(), StandardCharsets.UTF_8);
            if (r.contains(callId) && !r.startsWith("SIP/2.0 100")) return r;
        }
    }
}
