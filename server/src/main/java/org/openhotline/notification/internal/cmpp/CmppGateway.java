package org.openhotline.notification.internal.cmpp;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.openhotline.notification.internal.sms.SmsGateway;
import org.openhotline.notification.internal.sms.SmsProperties;

/**
 * China Mobile's SP protocol (CMPP 2.0 / 3.0) as an {@link SmsGateway}: a long text goes out as concatenated UCS-2
 * parts, each SUBMIT answered with the Msg_Id its status report will name; mobile-originated parts are put back
 * together by their UDH reference before the message is handed on.
 */
public final class CmppGateway implements SmsGateway, AutoCloseable {

    private final CmppClient client;
    private final SmsProperties.Cmpp settings;
    private final SmsGateway.Inbound inbound;
    private final AtomicInteger reference = new AtomicInteger();
    private final Map<String, byte[][]> partial = new ConcurrentHashMap<>();

    public CmppGateway(SmsProperties.Cmpp settings, Clock clock, SmsGateway.Inbound inbound) {
        this.settings = settings;
        this.inbound = inbound;
        this.client = new CmppClient(new CmppClient.Settings(settings.host(), settings.port(), settings.spId(),
                settings.secret(), CmppVersion.of(settings.version()), settings.window(), settings.responseTimeout()),
                clock, this::delivered);
    }

    @Override
    public String name() {
        return "cmpp" + CmppVersion.of(settings.version()).name().substring(1);
    }

    @Override
    public CompletableFuture<List<String>> send(String phone, String text) {
        List<byte[]> parts = CmppBodies.parts(text, reference.incrementAndGet() & 0xff);
        List<CompletableFuture<String>> ids = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            ids.add(client.submit(CmppBodies.submit(new CmppBodies.Submit(settings.serviceId(), settings.spId(),
                    settings.srcId(), phone, parts.size(), i + 1, parts.size() > 1, parts.get(i)),
                    CmppVersion.of(settings.version()))));
        }
        return CompletableFuture.allOf(ids.toArray(CompletableFuture[]::new))
                .thenApply(v -> ids.stream().map(CompletableFuture::join).toList());
    }

    /** Keeps the link alive (and reconnects it) so that citizens' messages arrive even when we send nothing. */
    public void keepAlive() {
        try {
            client.ensureConnected();
            client.keepAlive(settings.activeTest());
        } catch (java.io.IOException e) {
            // not reachable now; the next round tries again
        }
    }

    public boolean connected() {
        return client.connected();
    }

    /** Answers when the DELIVER is stored and may be acknowledged (reports are written in batches). */
    private CompletableFuture<Void> delivered(CmppBodies.Deliver d) {
        if (d.report()) {
            CmppBodies.Report r = CmppBodies.report(d.content());
            return inbound.reportLater(r.msgId(), r.stat(), r.delivered());
        }
        received(d);
        return CompletableFuture.completedFuture(null);
    }

    private void received(CmppBodies.Deliver d) {
        byte[] content = d.content();
        if (d.udhi() && content.length > 6 && content[0] == 5) {
            String key = d.srcTerminal() + ":" + (content[3] & 0xff);
            int total = content[4] & 0xff;
            int seq = content[5] & 0xff;
            byte[][] parts = partial.computeIfAbsent(key, k -> new byte[total][]);
            synchronized (parts) {
                if (seq < 1 || seq > parts.length) {
                    return;
                }
                parts[seq - 1] = java.util.Arrays.copyOfRange(content, 6, content.length);
                for (byte[] p : parts) {
                    if (p == null) {
                        return;
                    }
                }
                partial.remove(key);
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                for (byte[] p : parts) {
                    all.writeBytes(p);
                }
                inbound.received(d.srcTerminal(), d.destId(), CmppBodies.decode(d.fmt(), all.toByteArray()),
                        "cmpp:" + CmppPdu.msgId(d.msgId()));
            }
            return;
        }
        inbound.received(d.srcTerminal(), d.destId(), CmppBodies.decode(d.fmt(), content), "cmpp:" + CmppPdu.msgId(d.msgId()));
    }

    @Override
    public void close() {
        client.close();
    }
}
