package org.openhotline.telephony.sip;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A carrier's registrar and keepalive responder, in-JVM: REGISTER must answer a digest challenge for
 * {@code user}/{@code password}; OPTIONS is answered 200. sipp cannot play this role because each request
 * arrives with a new Call-ID, which sipp treats as a new call of the same scenario.
 */
final class FakeCarrier implements AutoCloseable {
    final AtomicInteger registered = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    final AtomicInteger options = new AtomicInteger();
    private final DatagramSocket socket;
    private final String user;
    private final String password;

    FakeCarrier(String user, String password) throws IOException {
        this.user = user;
        this.password = password;
        this.socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::serve);
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        byte[] buf = new byte[8192];
        while (!socket.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                socket.receive(p);
                String msg = new String(buf, 0, p.getLength(), StandardCharsets.UTF_8);
                String reply;
                if (msg.startsWith("OPTIONS")) {
                    options.incrementAndGet();
                    reply = response(msg, "200 OK", "");
                } else if (msg.startsWith("REGISTER") && !msg.contains("Authorization:")) {
                    reply = response(msg, "401 Unauthorized",
                            "WWW-Authenticate: Digest realm=\"carrier.example\", nonce=\"n0nce\", algorithm=MD5\r\n");
                } else if (msg.startsWith("REGISTER") && valid(msg)) {
                    registered.incrementAndGet();
                    reply = response(msg, "200 OK", "Expires: 60\r\n");
                } else if (msg.startsWith("REGISTER")) {
                    refused.incrementAndGet();
                    reply = response(msg, "403 Forbidden", "");
                } else {
                    continue;
                }
                byte[] out = reply.getBytes(StandardCharsets.UTF_8);
                socket.send(new DatagramPacket(out, out.length, p.getSocketAddress()));
            } catch (SocketException closed) {
                return;
            } catch (Exception e) {
                // a test carrier: ignore what it does not understand
            }
        }
    }

    private boolean valid(String msg) throws Exception {
        String u = param(msg, "username"), uri = param(msg, "uri"), resp = param(msg, "response");
        String ha1 = DigestAuth.md5(user + ":carrier.example:" + password);
        String ha2 = DigestAuth.md5("REGISTER:" + uri);
        String qop = param(msg, "qop");
        String expected = qop == null ? DigestAuth.md5(ha1 + ":n0nce:" + ha2)
                : DigestAuth.md5(ha1 + ":n0nce:" + param(msg, "nc") + ":" + param(msg, "cnonce") + ":" + qop + ":" + ha2);
        return user.equals(u) && expected.equals(resp);
    }

    private static String param(String msg, String name) {
        Matcher m = Pattern.compile("[ ,]" + name + "=\"?([^\",\\r\\n]+)\"?").matcher(msg);
        return m.find() ? m.group(1) : null;
    }

    private static String response(String req, String status, String extra) {
        StringBuilder b = new StringBuilder("SIP/2.0 ").append(status).append("\r\n");
        for (String h : req.split("\r\n")) {
            String l = h.toLowerCase();
            if (l.startsWith("via:") || l.startsWith("from:") || l.startsWith("call-id:") || l.startsWith("cseq:")) {
                b.append(h).append("\r\n");
            } else if (l.startsWith("to:")) {
                b.append(h).append(h.contains("tag=") ? "" : ";tag=carrier").append("\r\n");
            }
        }
        return b.append(extra).append("Content-Length: 0\r\n\r\n").toString();
    }

    @Override
    public void close() {
        socket.close();
    }
}
