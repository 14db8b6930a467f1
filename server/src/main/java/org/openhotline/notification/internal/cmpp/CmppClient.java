package org.openhotline.notification.internal.cmpp;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One CMPP session with the ISMG: CONNECT (authenticated), SUBMITs in a sliding window of unanswered requests,
 * DELIVERs answered at once, ACTIVE_TEST both ways, TERMINATE. A lost connection fails the unanswered SUBMITs
 * (the outbox retries them) and the next use connects again.
 */
final class CmppClient implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CmppClient.class);

    record Settings(String host, int port, String spId, String secret, CmppVersion version, int window,
                    Duration responseTimeout) {}

    private final Settings settings;
    private final Clock clock;
    /** Takes a DELIVER; answers when it is stored, and the DELIVER_RESP is written then (0) or on failure (9). */
    private final java.util.function.Function<CmppBodies.Deliver, CompletableFuture<Void>> delivers;
    private final Semaphore window;
    private final AtomicInteger sequence = new AtomicInteger();
    private final Map<Integer, CompletableFuture<CmppPdu>> pending = new ConcurrentHashMap<>();
    private volatile Socket socket;
    private volatile OutputStream out;
    private volatile long lastHeardNanos;
    private volatile boolean closed;

    CmppClient(Settings settings, Clock clock, java.util.function.Function<CmppBodies.Deliver, CompletableFuture<Void>> delivers) {
        this.settings = settings;
        this.clock = clock;
        this.delivers = delivers;
        this.window = new Semaphore(settings.window());
    }

    boolean connected() {
        return socket != null;
    }

    /** Connects and logs in unless connected; throws when the ISMG cannot be reached or refuses the login. */
    synchronized void ensureConnected() throws IOException {
        if (socket != null) {
            return;
        }
        if (closed) {
            throw new IOException("CMPP client closed");
        }
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(settings.host(), settings.port()), (int) settings.responseTimeout().toMillis());
            s.setTcpNoDelay(true);
            s.setSoTimeout((int) settings.responseTimeout().toMillis());
            DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
            OutputStream o = new BufferedOutputStream(s.getOutputStream());
            int timestamp = timestamp();
            int seq = nextSequence();
            o.write(new CmppPdu(CmppPdu.CONNECT, seq,
                    CmppBodies.connect(settings.spId(), settings.secret(), timestamp, settings.version())).encode());
            o.flush();
            CmppPdu resp = CmppPdu.read(in);
            if (resp.commandId() != CmppPdu.CONNECT_RESP || resp.sequence() != seq) {
                throw new IOException("CMPP: no CONNECT_RESP");
            }
            ByteBuffer b = ByteBuffer.wrap(resp.body());
            int status = settings.version().readResult(b);
            if (status != 0) {
                throw new IOException("CMPP: ISMG refused the login, status " + status);
            }
            byte[] ismg = new byte[16];
            b.get(ismg);
            byte[] expected = CmppBodies.authenticatorIsmg(0, CmppBodies.authenticatorSource(settings.spId(),
                    settings.secret(), timestamp), settings.secret(), settings.version());
            if (!Arrays.equals(ismg, expected)) {
                throw new IOException("CMPP: the ISMG's authenticator does not match (wrong gateway or secret)");
            }
            s.setSoTimeout(0);
            socket = s;
            out = o;
            lastHeardNanos = System.nanoTime();
            Thread.ofVirtual().name("cmpp-reader").start(() -> readLoop(s, in));
            log.info("CMPP {} connected to {}:{}", settings.version(), settings.host(), settings.port());
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    /** Sends one SUBMIT within the window; completes with the ISMG's Msg_Id or fails (refused, lost, timed out). */
    CompletableFuture<String> submit(byte[] body) {
        try {
            if (!window.tryAcquire(settings.responseTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                return CompletableFuture.failedFuture(new TimeoutException("CMPP window full"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<String> result = request(CmppPdu.SUBMIT, body).thenApply(resp -> {
            ByteBuffer b = ByteBuffer.wrap(resp.body());
            long msgId = b.getLong();
            int status = settings.version().readResult(b);
            if (status != 0) {
                throw new CmppRefused(status);
            }
            return CmppPdu.msgId(msgId);
        });
        result.whenComplete((r, e) -> window.release());
        return result;
    }

    /** Sends an ACTIVE_TEST when the link was quiet, and drops a link that stopped answering. */
    void keepAlive(Duration quiet) {
        if (socket == null) {
            return;
        }
        long silentFor = System.nanoTime() - lastHeardNanos;
        if (silentFor > quiet.multipliedBy(3).toNanos()) {
            log.warn("CMPP: no answer for {} s, reconnecting", TimeUnit.NANOSECONDS.toSeconds(silentFor));
            drop(socket);
        } else if (silentFor > quiet.toNanos()) {
            request(CmppPdu.ACTIVE_TEST, new byte[0]);
        }
    }

    private CompletableFuture<CmppPdu> request(int command, byte[] body) {
        try {
            ensureConnected();
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        int seq = nextSequence();
        CompletableFuture<CmppPdu> f = new CompletableFuture<>();
        pending.put(seq, f);
        f.orTimeout(settings.responseTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((r, e) -> pending.remove(seq));
        try {
            write(new CmppPdu(command, seq, body));
        } catch (IOException e) {
            drop(socket);
            f.completeExceptionally(e);
        }
        return f;
    }

    private void write(CmppPdu pdu) throws IOException {
        OutputStream o = out;
        if (o == null) {
            throw new IOException("CMPP not connected");
        }
        synchronized (this) {
            o.write(pdu.encode());
            o.flush();
        }
    }

    private void readLoop(Socket s, DataInputStream in) {
        try {
            while (!s.isClosed()) {
                CmppPdu pdu = CmppPdu.read(in);
                lastHeardNanos = System.nanoTime();
                switch (pdu.commandId()) {
                    case CmppPdu.SUBMIT_RESP, CmppPdu.ACTIVE_TEST_RESP, CmppPdu.TERMINATE_RESP -> {
                        CompletableFuture<CmppPdu> f = pending.remove(pdu.sequence());
                        if (f != null) {
                            f.complete(pdu);
                        }
                    }
                    case CmppPdu.DELIVER -> {
                        CmppBodies.Deliver d = CmppBodies.deliver(pdu.body(), settings.version());
                        CompletableFuture<Void> stored;
                        try {
                            stored = delivers.apply(d);
                        } catch (RuntimeException e) {
                            stored = CompletableFuture.failedFuture(e);
                        }
                        // answered when stored: a report waits for its batch's commit while the next PDUs are read
                        stored.whenComplete((ok, failed) -> {
                            if (failed != null) {
                                log.warn("CMPP: could not take a DELIVER, the ISMG will send it again", failed);
                            }
                            if (s.isClosed()) {
                                return; // the ISMG sends it again on the next connection
                            }
                            try {
                                write(new CmppPdu(CmppPdu.DELIVER_RESP, pdu.sequence(),
                                        CmppBodies.deliverResp(d.msgId(), failed == null ? 0 : 9, settings.version())));
                            } catch (IOException | RuntimeException e) {
                                log.debug("CMPP: DELIVER_RESP not written ({}); the ISMG will send the DELIVER again", e.toString());
                            }
                        });
                    }
                    case CmppPdu.ACTIVE_TEST -> write(new CmppPdu(CmppPdu.ACTIVE_TEST_RESP, pdu.sequence(), new byte[1]));
                    case CmppPdu.TERMINATE -> {
                        write(new CmppPdu(CmppPdu.TERMINATE_RESP, pdu.sequence(), new byte[0]));
                        drop(s);
                    }
                    default -> log.debug("CMPP: ignoring command 0x{}", Integer.toHexString(pdu.commandId()));
                }
            }
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                log.warn("CMPP connection lost: {}", e.toString());
            }
        } finally {
            drop(s);
        }
    }

    private void drop(Socket s) {
        if (s == null) {
            return;
        }
        synchronized (this) {
            if (socket == s) {
                socket = null;
                out = null;
            }
        }
        try {
            s.close();
        } catch (IOException ignored) {
            // closing a broken socket
        }
        pending.values().forEach(f -> f.completeExceptionally(new IOException("CMPP connection lost")));
    }

    @Override
    public void close() {
        closed = true;
        Socket s = socket;
        if (s != null) {
            try {
                request(CmppPdu.TERMINATE, new byte[0]).get(2, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // the ISMG may be gone already
            }
            drop(s);
        }
    }

    private int nextSequence() {
        return sequence.updateAndGet(n -> n == Integer.MAX_VALUE ? 1 : n + 1);
    }

    /** MMDDHHMMSS in the gateway's (China's) time zone, as CONNECT requires. */
    private int timestamp() {
        ZonedDateTime t = ZonedDateTime.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai")));
        return t.getMonthValue() * 100_000_000 + t.getDayOfMonth() * 1_000_000 + t.getHour() * 10_000
                + t.getMinute() * 100 + t.getSecond();
    }

    /** The ISMG answered a SUBMIT with a non-zero Result. */
    static final class CmppRefused extends RuntimeException {
        final int result;

        CmppRefused(int result) {
            super("CMPP SUBMIT refused, result " + result);
            this.result = result;
        }
    }
}
