package org.openhotline.telephony.sip;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openhotline.telephony.media.RtpPeer;

/**
 * A minimal SIP phone written for tests (plain UDP text, RFC 3261 just far enough): registers with digest,
 * answers every INVITE, can dial, answers BYE. Its audio is an {@link RtpPeer} speaking one tone, so tests
 * can tell by frequency whom a phone hears. Used where sipp cannot judge audio content (also by the server's
 * call-center tests, through the telephony test-jar).
 */
public final class TestPhone implements AutoCloseable {
    final String extension;
    public final RtpPeer audio;
    private final DatagramSocket socket;
    private volatile InetSocketAddress engine;
    private volatile InetSocketAddress replyTo;
    private final Map<String, CompletableFuture<String>> responses = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> byeReceived = new CompletableFuture<>();
    private volatile String dialogToTag;
    private volatile String callId;
    private volatile String dialed;

    public TestPhone(String extension, double toneHz, int enginePort) throws IOException {
        this(extension, toneHz, enginePort, 0);
    }

    /**
     * A phone listening for SIP on {@code sipPort} of loopback: a carrier's peer, or a service (110) behind the
     * platform's trunk, which the engine dials and probes with OPTIONS there (both answered 200).
     */
    public TestPhone(String extension, double toneHz, int enginePort, int sipPort) throws IOException {
        this.extension = extension;
        this.socket = new DatagramSocket(sipPort, InetAddress.getLoopbackAddress()); // first: a taken port fails here
        try {
            this.audio = new RtpPeer(toneHz);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        this.engine = new InetSocketAddress("127.0.0.1", enginePort);
        Thread.ofVirtual().start(this::receive);
    }

    /** Points the phone at an engine started after the phone (whose port the engine's config needed). */
    void retarget(int enginePort) {
        engine = new InetSocketAddress("127.0.0.1", enginePort);
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** The last INVITE the engine sent this phone, as received. */
    public volatile String lastInvite;

    /** Registers with digest; returns the engine's final answer (200 OK). */
    public String register(String password) throws Exception {
        return register(password, "");
    }

    /** As {@link #register(String)}, with {@code headers} (each ending in CRLF) on the authenticated REGISTER. */
    public String register(String password, String headers) throws Exception {
        String callId = UUID.randomUUID() + "@127.0.0.1";
        String first = request("REGISTER", "sip:127.0.0.1", callId, 1, "", "", null);
        Matcher nonce = Pattern.compile("nonce=\"([^\"]+)\"").matcher(first);
        Matcher realm = Pattern.compile("realm=\"([^\"]+)\"").matcher(first);
        if (!first.startsWith("SIP/2.0 401") || !nonce.find() || !realm.find()) throw new IOException(first);
        String ha1 = md5(extension + ":" + realm.group(1) + ":" + password);
        String ha2 = md5("REGISTER:sip:127.0.0.1");
        String response = md5(ha1 + ":" + nonce.group(1) + ":00000001:cafe:auth:" + ha2);
        String auth = "Authorization: Digest username=\"" + extension + "\", realm=\"" + realm.group(1)
                + "\", nonce=\"" + nonce.group(1) + "\", uri=\"sip:127.0.0.1\", response=\"" + response
                + "\", algorithm=MD5, qop=auth, nc=00000001, cnonce=\"cafe\"\r\n";
        String ok = request("REGISTER", "sip:127.0.0.1", callId, 2, auth + "Expires: 120\r\n" + headers, "", null);
        if (!ok.startsWith("SIP/2.0 200")) throw new IOException(ok);
        return ok;
    }

    /** Dials a number on the engine and waits for the answer. */
    public void dial(String number) throws Exception {
        dial(number, null);
    }

    /** Dials; answers a 401 challenge with {@code password} (an extension calling out). */
    void dial(String number, String password) throws Exception {
        String callId = UUID.randomUUID() + "@127.0.0.1";
        this.callId = callId;
        String uri = "sip:" + number + "@127.0.0.1:" + engine.getPort();
        String sdp = sdp();
        int cseq = 1;
        String resp = request("INVITE", uri, callId, cseq, "Content-Type: application/sdp\r\n", sdp, "200");
        if (resp.startsWith("SIP/2.0 401") && password != null) {
            ack(uri, callId, cseq, resp);
            cseq = 2;
            resp = request("INVITE", uri, callId, cseq, digest("INVITE", uri, resp, password)
                    + "Content-Type: application/sdp\r\n", sdp, "200");
        }
        if (!resp.startsWith("SIP/2.0 200")) throw new IOException("call refused: " + resp);
        connectAudio(resp);
        Matcher tag = Pattern.compile("(?im)^To:.*;tag=([^;\\s]+)").matcher(resp);
        tag.find();
        dialogToTag = tag.group(1);
        dialed = uri;
        send("ACK " + uri + " SIP/2.0\r\n" + via() + "From: <sip:"
                + extension + "@127.0.0.1>;tag=" + extension + "\r\nTo: <" + uri + ">;tag="
                + dialogToTag + "\r\nCall-ID: " + callId + "\r\nCSeq: " + cseq + " ACK\r\nMax-Forwards: 70\r\n"
                + "Content-Length: 0\r\n\r\n");
    }

    private void ack(String uri, String callId, int cseq, String response) throws IOException {
        send("ACK " + uri + " SIP/2.0\r\n" + header(response, "Via").lines().findFirst().map(v -> "Via: " + v + "\r\n").orElse("")
                + "From: <sip:" + extension + "@127.0.0.1>;tag=" + extension + "\r\nTo: " + header(response, "To")
                + "\r\nCall-ID: " + callId + "\r\nCSeq: " + cseq + " ACK\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n");
    }

    private String digest(String method, String uri, String challenge, String password) throws Exception {
        Matcher nonce = Pattern.compile("nonce=\"([^\"]+)\"").matcher(challenge);
        Matcher realm = Pattern.compile("realm=\"([^\"]+)\"").matcher(challenge);
        if (!nonce.find() || !realm.find()) throw new IOException(challenge);
        String ha1 = md5(extension + ":" + realm.group(1) + ":" + password);
        String ha2 = md5(method + ":" + uri);
        String response = md5(ha1 + ":" + nonce.group(1) + ":00000001:cafe:auth:" + ha2);
        return "Authorization: Digest username=\"" + extension + "\", realm=\"" + realm.group(1)
                + "\", nonce=\"" + nonce.group(1) + "\", uri=\"" + uri + "\", response=\"" + response
                + "\", algorithm=MD5, qop=auth, nc=00000001, cnonce=\"cafe\"\r\n";
    }

    /** Sends a digit by SIP INFO (application/dtmf-relay) in the dialog this phone dialed. */
    void info(char digit) throws Exception {
        String body = "Signal=" + digit + "\r\nDuration=160\r\n";
        String r = inDialog("INFO", 3, "Content-Type: application/dtmf-relay\r\n", body);
        if (!r.startsWith("SIP/2.0 200")) throw new IOException(r);
    }

    private String inDialog(String method, int cseq, String headers, String body) throws Exception {
        CompletableFuture<String> f = new CompletableFuture<>();
        responses.put(callId + " " + cseq, f);
        send(method + " " + dialed + " SIP/2.0\r\n" + via() + "From: <sip:" + extension + "@127.0.0.1>;tag=" + extension
                + "\r\nTo: <" + dialed + ">;tag=" + dialogToTag + "\r\nCall-ID: " + callId + "\r\nCSeq: " + cseq
                + " " + method + "\r\nMax-Forwards: 70\r\n" + headers + "Content-Length: " + body.length()
                + "\r\n\r\n" + body);
        return f.get(5, TimeUnit.SECONDS);
    }

    /**
     * Hangs up the call this phone dialed (BYE in its dialog), unless the engine already ended it: a test that
     * only closes its phones leaves the engine a caller who went silent, until the RTP watchdog notices.
     */
    public void hangUp() {
        if (dialed == null || byeReceived.isDone()) {
            return;
        }
        try {
            inDialog("BYE", 20, "", "");
        } catch (Exception e) {
            // the engine may have ended the call meanwhile; the watchdog clears anything left over
        }
    }

    public boolean awaitBye(long millis) {
        try {
            byeReceived.get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private String request(String method, String uri, String callId, int cseq, String headers, String body,
                           String waitFor) throws Exception {
        CompletableFuture<String> f = new CompletableFuture<>();
        String key = callId + " " + cseq;
        responses.put(key, f);
        String msg = method + " " + uri + " SIP/2.0\r\n" + via() + "From: <sip:" + extension + "@127.0.0.1>;tag="
                + extension + "\r\nTo: <" + (method.equals("REGISTER") ? "sip:" + extension + "@127.0.0.1" : uri)
                + ">\r\nCall-ID: " + callId + "\r\nCSeq: " + cseq + " " + method + "\r\nContact: <sip:" + extension
                + "@127.0.0.1:" + port() + ">\r\nMax-Forwards: 70\r\n" + headers + "Content-Length: "
                + body.length() + "\r\n\r\n" + body;
        send(msg);
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            String r = f.get(deadline - System.currentTimeMillis(), TimeUnit.MILLISECONDS);
            if (waitFor == null || r.startsWith("SIP/2.0 " + waitFor) || !r.startsWith("SIP/2.0 1")) return r;
            f = new CompletableFuture<>();
            responses.put(key, f);
        }
    }

    private String via() {
        return "Via: SIP/2.0/UDP 127.0.0.1:" + port() + ";branch=z9hG4bK" + UUID.randomUUID() + "\r\n";
    }

    private String sdp() throws IOException {
        return "v=0\r\no=phone 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + audio.address().getPort() + " RTP/AVP 0 101\r\na=rtpmap:101 telephone-event/8000\r\n";
    }

    private void connectAudio(String message) {
        Matcher m = Pattern.compile("m=audio (\\d+)").matcher(message);
        if (m.find()) audio.sendTo(new InetSocketAddress("127.0.0.1", Integer.parseInt(m.group(1))));
    }

    private void receive() {
        byte[] buf = new byte[8192];
        while (!socket.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                socket.receive(p);
                String msg = new String(buf, 0, p.getLength(), StandardCharsets.UTF_8);
                replyTo = (InetSocketAddress) p.getSocketAddress();
                if (msg.startsWith("SIP/2.0")) {
                    String callId = header(msg, "Call-ID");
                    String cseq = header(msg, "CSeq").split(" ")[0];
                    if (msg.startsWith("SIP/2.0 183")) connectAudio(msg);
                    CompletableFuture<String> f = responses.get(callId + " " + cseq);
                    if (f != null) f.complete(msg);
                } else if (msg.startsWith("INVITE")) {
                    lastInvite = msg;
                    connectAudio(msg);
                    reply(msg, "200 OK", "Contact: <sip:" + extension + "@127.0.0.1:" + port()
                            + ">\r\nContent-Type: application/sdp\r\n", sdp());
                } else if (msg.startsWith("BYE")) {
                    reply(msg, "200 OK", "", "");
                    byeReceived.complete(null);
                } else if (!msg.startsWith("ACK")) {
                    reply(msg, "200 OK", "", "");
                }
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                // keep listening
            }
        }
    }

    private void reply(String req, String status, String headers, String body) throws IOException {
        StringBuilder b = new StringBuilder("SIP/2.0 " + status + "\r\n");
        for (String h : req.split("\r\n")) {
            String lower = h.toLowerCase();
            if (lower.startsWith("via:") || lower.startsWith("from:") || lower.startsWith("call-id:")
                    || lower.startsWith("cseq:")) {
                b.append(h).append("\r\n");
            } else if (lower.startsWith("to:")) {
                b.append(h).append(h.contains("tag=") ? "" : ";tag=" + extension + "x").append("\r\n");
            }
        }
        b.append(headers).append("Content-Length: ").append(body.length()).append("\r\n\r\n").append(body);
        byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(bytes, bytes.length, replyTo));
    }

    private static String header(String msg, String name) {
        Matcher m = Pattern.compile("(?im)^" + name + ":\\s*(.+?)\\s*$").matcher(msg);
        return m.find() ? m.group(1) : "";
    }

    private void send(String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(b, b.length, engine));
    }

    private static String md5(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void close() throws IOException {
        socket.close();
        audio.close();
    }
}
