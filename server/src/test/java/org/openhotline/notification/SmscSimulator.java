package org.openhotline.notification;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An SMSC/ISMG written from the CMPP 2.0 and 3.0 specifications (China Mobile, "中国移动通信互联网短信网关接口协议"),
 * independently of the platform's client: it checks the SP's AuthenticatorSource, answers SUBMIT with a Msg_Id
 * and then a status report (DELIVER with Registered_Delivery 1), reassembles concatenated parts, answers
 * ACTIVE_TEST, and can send mobile-originated messages, refuse submits or drop every connection.
 */
public final class SmscSimulator implements AutoCloseable {

    public static final String SP_ID = "901234";
    public static final String SECRET = "sim-secret";
    /** Numbers ending in this get the status report UNDELIV (the phone is off for ever). */
    public static final String UNDELIVERABLE_SUFFIX = "4040";

    /** A whole message as the handset would show it. */
    public record Received(String dest, String text, int parts, int version) {}

    private static final AtomicLong MSG_IDS = new AtomicLong(0x1000);
    private static SmscSimulator shared;

    private final ServerSocket server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Conn> connections = new CopyOnWriteArrayList<>();
    private final Map<String, String[]> partial = new ConcurrentHashMap<>();
    private final AtomicInteger refuseNext = new AtomicInteger();
    private final Map<String, Integer> refuseTo = new ConcurrentHashMap<>();
    private final AtomicInteger logins = new AtomicInteger();
    private final AtomicInteger moSequence = new AtomicInteger(1);
    private volatile boolean reports = true;

    private final List<Integer> deliverResults = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** The Result of every DELIVER_RESP the SP sent (0: taken), in the order they came. */
    public List<Integer> deliverResults() {
        return List.copyOf(deliverResults);
    }

    public SmscSimulator() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("smsc-accept").start(this::acceptLoop);
    }

    /** The one simulator every platform test context talks to (started with the first context). */
    public static synchronized SmscSimulator shared() {
        if (shared == null) {
            try {
                shared = new SmscSimulator();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return shared;
    }

    /** The platform's settings for this simulator. */
    public Map<String, Object> properties() {
        return Map.of("hotline.sms.gateway", "cmpp", "hotline.sms.cmpp.host", "127.0.0.1",
                "hotline.sms.cmpp.port", port(), "hotline.sms.cmpp.sp-id", SP_ID, "hotline.sms.cmpp.secret", SECRET,
                "hotline.sms.cmpp.version", "3.0", "hotline.sms.cmpp.service-id", "HOTLINE",
                "hotline.sms.cmpp.src-id", "12345", "hotline.sms.first-retry", "PT1S", "hotline.sms.poll", "PT0.2S");
    }

    public int port() {
        return server.getLocalPort();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> receivedBy(String dest) {
        return received.stream().filter(r -> r.dest().equals(dest)).toList();
    }

    public int logins() {
        return logins.get();
    }

    /** The next {@code n} SUBMITs are refused with Result 8 (flow control exceeded). */
    public void refuseNext(int n) {
        refuseNext.set(n);
    }

    /** The next {@code n} SUBMITs to {@code dest} are refused (other numbers, other tests' messages, go through). */
    public void refuseNextTo(String dest, int n) {
        refuseTo.put(dest, n);
    }

    public void sendReports(boolean on) {
        reports = on;
    }

    /** Cuts every SP connection as a broken link would. */
    public void dropConnections() {
        for (Conn c : connections) {
            c.close();
        }
    }

    /** A citizen's message to the hotline number, as DELIVER(s) on the first logged-in connection. */
    public void mobileOriginated(String from, String to, String text) throws IOException {
        Conn c = connections.stream().filter(x -> x.version != 0).findFirst()
                .orElseThrow(() -> new IOException("no SP connected"));
        byte[] ucs2 = text.getBytes(StandardCharsets.UTF_16BE);
        if (ucs2.length <= 140) {
            c.deliver(from, to, false, ucs2);
            return;
        }
        int ref = moSequence.incrementAndGet() & 0xff;
        int perPart = 134;
        int total = (ucs2.length + perPart - 1) / perPart;
        for (int i = 0; i < total; i++) {
            byte[] chunk = Arrays.copyOfRange(ucs2, i * perPart, Math.min(ucs2.length, (i + 1) * perPart));
            ByteBuffer b = ByteBuffer.allocate(6 + chunk.length);
            b.put(new byte[] {5, 0, 3, (byte) ref, (byte) total, (byte) (i + 1)}).put(chunk);
            c.deliver(from, to, true, b.array());
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Conn c = new Conn(s);
                connections.add(c);
                Thread.ofVirtual().name("smsc-conn").start(c::run);
            } catch (IOException e) {
                return;
            }
        }
    }

    private final class Conn {
        final Socket socket;
        final OutputStream out;
        volatile int version;
        final AtomicInteger seq = new AtomicInteger(1_000_000);

        Conn(Socket socket) throws IOException {
            this.socket = socket;
            this.out = new BufferedOutputStream(socket.getOutputStream());
        }

        int terminal() {
            return version == 0x30 ? 32 : 21;
        }

        int result() {
            return version == 0x30 ? 4 : 1;
        }

        void run() {
            try (socket) {
                DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
                while (true) {
                    int length = in.readInt();
                    int command = in.readInt();
                    int sequence = in.readInt();
                    byte[] body = new byte[length - 12];
                    in.readFully(body);
                    ByteBuffer b = ByteBuffer.wrap(body);
                    switch (command) {
                        case 0x00000001 -> connect(b, sequence);
                        case 0x00000004 -> submit(b, sequence);
                        case 0x00000008 -> send(0x80000008, sequence, new byte[1]);
                        case 0x00000002 -> {
                            send(0x80000002, sequence, new byte[0]);
                            return;
                        }
                        case 0x80000005 -> { // DELIVER_RESP: Msg_Id, Result (1 byte in 2.0, 4 in 3.0)
                            b.getLong();
                            deliverResults.add(version == 0x30 ? b.getInt() : b.get() & 0xff);
                        }
                        default -> { } // ACTIVE_TEST_RESP
                    }
                }
            } catch (IOException e) {
                // the SP hung up or we dropped it
            } finally {
                connections.remove(this);
            }
        }

        void connect(ByteBuffer b, int sequence) throws IOException {
            String sp = text(b, 6);
            byte[] auth = new byte[16];
            b.get(auth);
            int v = b.get() & 0xff;
            int timestamp = b.getInt();
            byte[] expected = md5(concat(SP_ID.getBytes(StandardCharsets.US_ASCII), new byte[9],
                    SECRET.getBytes(StandardCharsets.US_ASCII),
                    String.format("%010d", timestamp).getBytes(StandardCharsets.US_ASCII)));
            int status = !sp.equals(SP_ID) ? 2 : !Arrays.equals(auth, expected) ? 3 : (v != 0x20 && v != 0x30) ? 4 : 0;
            version = v == 0x20 ? 0x20 : 0x30;
            ByteBuffer r = ByteBuffer.allocate(result() + 16 + 1);
            putResult(r, status);
            ByteBuffer forAuth = ByteBuffer.allocate(result());
            putResult(forAuth, status);
            r.put(md5(concat(forAuth.array(), auth, SECRET.getBytes(StandardCharsets.US_ASCII))));
            r.put((byte) version);
            send(0x80000001, sequence, r.array());
            if (status != 0) {
                version = 0;
                close();
            } else {
                logins.incrementAndGet();
            }
        }

        void submit(ByteBuffer b, int sequence) throws IOException {
            b.getLong();
            int pkTotal = b.get() & 0xff;
            int pkNumber = b.get() & 0xff;
            boolean wantsReport = b.get() == 1;
            b.get();
            text(b, 10);
            b.get();
            text(b, terminal());
            if (version == 0x30) {
                b.get();
            }
            b.get();
            boolean udhi = b.get() == 1;
            int fmt = b.get() & 0xff;
            text(b, 6);
            text(b, 2);
            text(b, 6);
            text(b, 17);
            text(b, 17);
            text(b, 21);
            int destCount = b.get() & 0xff;
            String dest = text(b, terminal());
            b.position(b.position() + (destCount - 1) * terminal());
            if (version == 0x30) {
                b.get();
            }
            int msgLength = b.get() & 0xff;
            byte[] content = new byte[msgLength];
            b.get(content);
            long msgId = MSG_IDS.incrementAndGet();
            int refuse = refuseNext.getAndUpdate(n -> Math.max(0, n - 1))
                    + refuseTo.getOrDefault(dest, 0);
            refuseTo.computeIfPresent(dest, (k, n) -> n > 1 ? n - 1 : null);
            ByteBuffer r = ByteBuffer.allocate(8 + result());
            r.putLong(msgId);
            putResult(r, refuse > 0 ? 8 : 0);
            send(0x80000004, sequence, r.array());
            if (refuse > 0) {
                return;
            }
            collect(dest, fmt, udhi, pkTotal, pkNumber, content);
            if (wantsReport && reports) {
                report(msgId, dest);
            }
        }

        void collect(String dest, int fmt, boolean udhi, int pkTotal, int pkNumber, byte[] content) {
            if (fmt != 8) {
                throw new IllegalStateException("the platform should send UCS2, got Msg_Fmt " + fmt);
            }
            if (!udhi) {
                received.add(new Received(dest, new String(content, StandardCharsets.UTF_16BE), 1, version));
                return;
            }
            if (content[0] != 5 || content[1] != 0 || content[2] != 3 || (content[4] & 0xff) != pkTotal
                    || (content[5] & 0xff) != pkNumber) {
                throw new IllegalStateException("bad UDH");
            }
            String key = dest + ":" + (content[3] & 0xff);
            String[] parts = partial.computeIfAbsent(key, k -> new String[pkTotal]);
            synchronized (parts) {
                parts[pkNumber - 1] = new String(content, 6, content.length - 6, StandardCharsets.UTF_16BE);
                if (Arrays.stream(parts).allMatch(java.util.Objects::nonNull)) {
                    partial.remove(key);
                    received.add(new Received(dest, String.join("", parts), pkTotal, version));
                }
            }
        }

        void report(long msgId, String dest) throws IOException {
            ByteBuffer c = ByteBuffer.allocate(8 + 7 + 10 + 10 + terminal() + 4);
            c.putLong(msgId);
            putText(c, dest.endsWith(UNDELIVERABLE_SUFFIX) ? "UNDELIV" : "DELIVRD", 7);
            putText(c, "1204120000", 10);
            putText(c, "1204120001", 10);
            putText(c, dest, terminal());
            c.putInt(1);
            deliverRaw(MSG_IDS.incrementAndGet(), "12345", dest, true, false, c.array());
        }

        void deliver(String from, String to, boolean udhi, byte[] content) throws IOException {
            deliverRaw(MSG_IDS.incrementAndGet(), to, from, false, udhi, content);
        }

        void deliverRaw(long msgId, String destId, String src, boolean report, boolean udhi, byte[] content)
                throws IOException {
            ByteBuffer b = ByteBuffer.allocate(8 + 21 + 10 + 3 + terminal() + 1 + 2 + content.length + 20);
            b.putLong(msgId);
            putText(b, destId, 21);
            putText(b, "HOTLINE", 10);
            b.put((byte) 0).put((byte) (udhi ? 1 : 0)).put((byte) (report ? 0 : 8));
            putText(b, src, terminal());
            if (version == 0x30) {
                b.put((byte) 0);
            }
            b.put((byte) (report ? 1 : 0));
            b.put((byte) content.length).put(content);
            putText(b, "", version == 0x30 ? 20 : 8);
            byte[] body = Arrays.copyOf(b.array(), b.position());
            send(0x00000005, seq.incrementAndGet(), body);
        }

        void send(int command, int sequence, byte[] body) throws IOException {
            synchronized (out) {
                ByteBuffer h = ByteBuffer.allocate(12);
                h.putInt(12 + body.length).putInt(command).putInt(sequence);
                out.write(h.array());
                out.write(body);
                out.flush();
            }
        }

        void putResult(ByteBuffer b, int v) {
            if (result() == 1) {
                b.put((byte) v);
            } else {
                b.putInt(v);
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    private static String text(ByteBuffer b, int width) {
        byte[] v = new byte[width];
        b.get(v);
        int end = 0;
        while (end < width && v[end] != 0) {
            end++;
        }
        return new String(v, 0, end, StandardCharsets.US_ASCII);
    }

    private static void putText(ByteBuffer b, String s, int width) {
        byte[] v = s.getBytes(StandardCharsets.US_ASCII);
        b.put(v, 0, Math.min(width, v.length));
        for (int i = v.length; i < width; i++) {
            b.put((byte) 0);
        }
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        ByteBuffer b = ByteBuffer.allocate(n);
        for (byte[] p : parts) {
            b.put(p);
        }
        return b.array();
    }

    private static byte[] md5(byte[] data) {
        try {
            return MessageDigest.getInstance("MD5").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        dropConnections();
    }

}
