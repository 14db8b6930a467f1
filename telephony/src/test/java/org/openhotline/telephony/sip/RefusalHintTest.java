package org.openhotline.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.telephony.TelephonyEngine;

/**
 * A newcomer's first call is refused because no trunk is configured for it: the log line says which properties
 * admit it, in the platform's names, instead of a bare "refused".
 */
@Timeout(60)
class RefusalHintTest {

    @TempDir
    Path dir;

    @Test
    void aRefusedCallSaysWhatToConfigure() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try (TelephonyEngine engine = EngineFixture.builder(dir, e -> { }).start();
             DatagramSocket udp = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            String answer = invite(udp, engine.sipPort(), "12398"); // a number no trunk accepts
            assertThat(answer).startsWith("SIP/2.0 403");
        } finally {
            System.setErr(original);
        }
        assertThat(log.toString(StandardCharsets.UTF_8))
                .contains("to 12398 refused", "hotline.sip.trunks[n].inbound-numbers", "configured trunks: [carrier]");
    }

    private static String invite(DatagramSocket s, int port, String number) throws Exception {
        String msg = "INVITE sip:" + number + "@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + s.getLocalPort() + ";branch=z9hG4bKrefused\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:13800138000@127.0.0.1>;tag=c\r\nTo: <sip:" + number + "@127.0.0.1>\r\n"
                + "Call-ID: refused@127.0.0.1\r\nCSeq: 1 INVITE\r\nContact: <sip:13800138000@127.0.0.1:" + s.getLocalPort()
                + ">\r\nContent-Length: 0\r\n\r\n";
        byte[] b = msg.getBytes(StandardCharsets.UTF_8);
        s.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), port));
        s.setSoTimeout(5000);
        byte[] buf = new byte[4096];
        while (true) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            s.receive(p);
            String r = new String(buf, 0, p.getLength(), StandardCharsets.UTF_8);
            if (!r.startsWith("SIP/2.0 1")) return r;
        }
    }
}
