package org.openhotline.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.telephony.TelephonyEngine;
import org.openhotline.telephony.TelephonyEvent.CallArrived;
import org.openhotline.telephony.TelephonyEvent.Ended;

/**
 * RFC 4475 torture messages, garbage, a BYE for a dialog that never existed and a flood of half-open
 * INVITEs: afterwards the engine must still answer OPTIONS and carry a real call from sipp.
 */
@Timeout(90)
class HostileInputTest {
    @TempDir
    Path dir;

    @Test
    void tortureAndFloodLeaveTheEngineServingTheNextCall() throws Exception {
        Sipp.requireInstalled();
        RecordedEvents events = new RecordedEvents();
        var config = EngineFixture.config(dir).withLimits(40, Duration.ofSeconds(2));
        TelephonyEngine[] holder = new TelephonyEngine[1];
        try (TelephonyEngine engine = TelephonyEngine.builder(config).listener(e -> {
            events.on(e);
            if (e instanceof CallArrived a && a.to().equals("12300")) {
                holder[0].answer(a.leg());
                holder[0].play(a.leg(), "welcome");
            }
        }).start()) {
            holder[0] = engine;
            InetAddress lo = InetAddress.getLoopbackAddress();
            String[] messages;
            try (InputStream in = getClass().getResourceAsStream("/torture/rfc4475.txt")) {
                messages = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n=====\n");
            }
            try (DatagramSocket udp = new DatagramSocket(0, lo)) {
                for (String m : messages) send(udp, lo, engine.sipPort(), m.replace("\n", "\r\n"));
                byte[] junk = new byte[1200];
                new Random(4475).nextBytes(junk);
                udp.send(new DatagramPacket(junk, junk.length, lo, engine.sipPort()));
                send(udp, lo, engine.sipPort(), "\r\n\r\n");
                for (String m : messages) {
                    try (Socket tcp = new Socket(lo, engine.sipPort()); OutputStream out = tcp.getOutputStream()) {
                        out.write(m.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                }
                try (Socket tcp = new Socket(lo, engine.sipPort()); OutputStream out = tcp.getOutputStream()) {
                    out.write(("INVITE sip:a@b SIP/2.0\r\nX: " + "A".repeat(200_000) + "\r\n\r\n").getBytes());
                } catch (java.io.IOException closedByEngine) {
                    // the engine may cut an oversized message short; that is the right answer
                }

                int refused = flood(udp, lo, engine.sipPort(), 200);
                assertThat(refused).as("INVITEs beyond maxCalls get 503").isGreaterThan(100);
                await("half-open flood calls released").atMost(Duration.ofSeconds(30)).until(() -> engine.activeLegs().isEmpty());

                assertThat(options(udp, lo, engine.sipPort())).startsWith("SIP/2.0 200");
            }

            Sipp.Run caller = Sipp.start(dir, "caller", "caller",
                    Map.of("CALLED", "12300", "DIGIT", "5", "BEFORE_DIGIT_MS", "200", "BEFORE_TALK_MS", "200",
                            "TALK_MS", "1500"),
                    List.of("127.0.0.1:" + engine.sipPort(), "-p", String.valueOf(FreePorts.sip()),
                            "-mp", String.valueOf(FreePorts.media()), "-rtp_echo", "-m", "1"));
            caller.expectSuccess(Duration.ofSeconds(20));
            var arrived = events.await(CallArrived.class, a -> a.to().equals("12300"), Duration.ofSeconds(2));
            var ended = events.await(Ended.class, e -> e.leg().equals(((CallArrived) arrived.event()).leg()), Duration.ofSeconds(5));
            assertThat(((Ended) ended.event()).media().packetsIn()).isGreaterThan(50);
        }
    }

    private static void send(DatagramSocket s, InetAddress to, int port, String text) throws Exception {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        s.send(new DatagramPacket(b, b.length, to, port));
    }

    /** Sends INVITEs that are never ACKed or cancelled; returns how many got 503. */
    private static int flood(DatagramSocket s, InetAddress lo, int port, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            String sdp = "v=0\r\no=f 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                    + "m=audio 9 RTP/AVP 0\r\n";
            send(s, lo, port, "INVITE sip:12399@127.0.0.1 SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + s.getLocalPort() + ";branch=z9hG4bKflood" + i + "\r\n"
                    + "Max-Forwards: 70\r\nFrom: <sip:flood@127.0.0.1>;tag=f" + i + "\r\n"
                    + "To: <sip:12399@127.0.0.1>\r\nCall-ID: flood-" + i + "@127.0.0.1\r\nCSeq: 1 INVITE\r\n"
                    + "Contact: <sip:flood@127.0.0.1:" + s.getLocalPort() + ">\r\n"
                    + "Content-Type: application/sdp\r\nContent-Length: " + sdp.length() + "\r\n\r\n" + sdp);
        }
        int refused = 0;
        s.setSoTimeout(1500);
        byte[] buf = new byte[4096];
        try {
            while (true) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                s.receive(p);
                if (new String(buf, 0, p.getLength(), StandardCharsets.UTF_8).startsWith("SIP/2.0 503")) refused++;
            }
        } catch (SocketTimeoutException done) {
            return refused;
        }
    }

    private static String options(DatagramSocket s, InetAddress lo, int port) throws Exception {
        send(s, lo, port, "OPTIONS sip:hotline@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + s.getLocalPort() + ";branch=z9hG4bKkeepalive\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:probe@127.0.0.1>;tag=p\r\nTo: <sip:hotline@127.0.0.1>\r\n"
                + "Call-ID: keepalive@127.0.0.1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n");
        s.setSoTimeout(3000);
        byte[] buf = new byte[4096];
        while (true) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            s.receive(p);
            String r = new String(buf, 0, p.getLength(), StandardCharsets.UTF_8);
            if (r.contains("keepalive@127.0.0.1")) return r;
        }
    }
}
