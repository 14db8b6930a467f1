package org.openhotline.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openhotline.notification.internal.cmpp.CmppGateway;
import org.openhotline.notification.internal.sms.SmsGateway;
import org.openhotline.notification.internal.sms.SmsProperties;
import org.openhotline.testing.Wait;

/** The CMPP 2.0 and 3.0 client against the SMSC simulator: login, submit, long messages, reports, MO, refusals, reconnect. */
class CmppGatewayTest {

    private SmscSimulator smsc;
    private final List<String> reports = new CopyOnWriteArrayList<>();
    private final List<String> incoming = new CopyOnWriteArrayList<>();
    private final SmsGateway.Inbound inbound = new SmsGateway.Inbound() {
        @Override
        public void report(String msgId, String stat, boolean delivered) {
            reports.add(msgId + "=" + stat);
        }

        @Override
        public void received(String from, String to, String text, String key) {
            incoming.add(from + ">" + to + ":" + text);
        }
    };

    @BeforeEach
    void start() throws Exception {
        smsc = new SmscSimulator();
    }

    @AfterEach
    void stop() throws Exception {
        smsc.close();
    }

    private CmppGateway gateway(String version, String secret) {
        return new CmppGateway(new SmsProperties.Cmpp("127.0.0.1", smsc.port(), SmscSimulator.SP_ID, secret, version,
                "HOTLINE", "12345", 8, Duration.ofSeconds(5), Duration.ofSeconds(30)), Clock.systemUTC(), inbound);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.0", "3.0"})
    void sendsShortAndLongMessagesAndReadsTheirReports(String version) throws Exception {
        try (CmppGateway g = gateway(version, SmscSimulator.SECRET)) {
            List<String> one = g.send("13800000001", "您的验证码为123456。").get(10, TimeUnit.SECONDS);
            String longText = "工单" + "很长的答复内容，".repeat(30) + "完。";
            List<String> parts = g.send("13800000002", longText).get(10, TimeUnit.SECONDS);

            assertThat(one).hasSize(1);
            assertThat(parts).hasSize((longText.length() + 66) / 67);
            Wait.until("both messages at the handsets", (java.util.function.BooleanSupplier) () -> smsc.received().size() == 2, Duration.ofSeconds(10),
                    () -> smsc.received().toString());
            assertThat(smsc.receivedBy("13800000001")).singleElement()
                    .satisfies(r -> assertThat(r.text()).isEqualTo("您的验证码为123456。"))
                    .satisfies(r -> assertThat(r.version()).isEqualTo(version.startsWith("2") ? 0x20 : 0x30));
            assertThat(smsc.receivedBy("13800000002")).singleElement()
                    .satisfies(r -> assertThat(r.text()).isEqualTo(longText))
                    .satisfies(r -> assertThat(r.parts()).isEqualTo(parts.size()));
            Wait.until("a report for every part", (java.util.function.BooleanSupplier) () -> reports.size() == 1 + parts.size(), Duration.ofSeconds(10),
                    reports::toString);
            assertThat(reports).contains(one.getFirst() + "=DELIVRD", parts.getLast() + "=DELIVRD");
        }
    }

    /**
     * A status report is acknowledged (DELIVER_RESP) only once the platform has stored it, and with Result 9 when it
     * could not, so that the ISMG sends it again: an acknowledged report is never lost. The reports are stored in
     * batches on another thread, so the acknowledgement no longer follows the DELIVER on the reading thread.
     */
    @ParameterizedTest
    @ValueSource(strings = {"2.0", "3.0"})
    void acknowledgesAReportOnlyOnceItIsStored(String version) throws Exception {
        CompletableFuture<Void> stored = new CompletableFuture<>();
        CompletableFuture<Void> refused = new CompletableFuture<>();
        java.util.Queue<CompletableFuture<Void>> answers = new java.util.concurrent.ConcurrentLinkedQueue<>(List.of(stored, refused));
        SmsGateway.Inbound later = new SmsGateway.Inbound() {
            @Override
            public void report(String msgId, String stat, boolean delivered) {
                throw new AssertionError("reports over CMPP are stored later");
            }

            @Override
            public CompletableFuture<Void> reportLater(String msgId, String stat, boolean delivered) {
                reports.add(msgId + "=" + stat);
                return answers.remove();
            }

            @Override
            public void received(String from, String to, String text, String key) {
                incoming.add(text);
            }
        };
        try (CmppGateway g = new CmppGateway(new SmsProperties.Cmpp("127.0.0.1", smsc.port(), SmscSimulator.SP_ID,
                SmscSimulator.SECRET, version, "HOTLINE", "12345", 8, Duration.ofSeconds(5), Duration.ofSeconds(30)),
                Clock.systemUTC(), later)) {
            g.send("13800000001", "您的验证码为123456。").get(10, TimeUnit.SECONDS);
            Wait.until("the first report", (java.util.function.BooleanSupplier) () -> reports.size() == 1, Duration.ofSeconds(10),
                    reports::toString);
            // the second message's SUBMIT_RESP: the simulator has read everything the platform wrote before it
            g.send("13800000002", "您的验证码为654321。").get(10, TimeUnit.SECONDS);
            assertThat(smsc.deliverResults()).as("a report not yet stored is not acknowledged").isEmpty();

            stored.complete(null);
            Wait.until("the stored report acknowledged", (java.util.function.BooleanSupplier) () -> smsc.deliverResults().equals(List.of(0)),
                    Duration.ofSeconds(10), () -> smsc.deliverResults().toString());
            Wait.until("the second report", (java.util.function.BooleanSupplier) () -> reports.size() == 2, Duration.ofSeconds(10),
                    reports::toString);
            refused.completeExceptionally(new IllegalStateException("数据库不可用"));
            Wait.until("the report not stored refused with 9", (java.util.function.BooleanSupplier) () -> smsc.deliverResults().equals(List.of(0, 9)),
                    Duration.ofSeconds(10), () -> smsc.deliverResults().toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.0", "3.0"})
    void putsTogetherALongMessageFromACitizen(String version) throws Exception {
        try (CmppGateway g = gateway(version, SmscSimulator.SECRET)) {
            g.keepAlive();
            String text = "我家楼下的路灯坏了一个多月，晚上很黑，老人出门不方便，".repeat(4);
            smsc.mobileOriginated("13900000003", "12345", text);
            Wait.until("the whole message", (java.util.function.BooleanSupplier) () -> incoming.size() == 1, Duration.ofSeconds(10), incoming::toString);
            assertThat(incoming.getFirst()).isEqualTo("13900000003>12345:" + text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.0", "3.0"})
    void aWrongSecretIsRefusedAtLogin(String version) {
        try (CmppGateway g = gateway(version, "wrong")) {
            assertThatThrownBy(() -> g.send("13800000004", "x").get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasMessageContaining("status 3");
        }
    }

    @org.junit.jupiter.api.Test
    void aRefusedSubmitFailsAndALostLinkIsConnectedAgain() throws Exception {
        try (CmppGateway g = gateway("3.0", SmscSimulator.SECRET)) {
            smsc.refuseNext(1);
            assertThatThrownBy(() -> g.send("13800000005", "第一次").get(10, TimeUnit.SECONDS))
                    .hasMessageContaining("result 8");
            g.send("13800000005", "第二次").get(10, TimeUnit.SECONDS);
            int logins = smsc.logins();

            smsc.dropConnections();
            Wait.until("the client noticed", (java.util.function.BooleanSupplier) () -> !g.connected(), Duration.ofSeconds(10), () -> "");
            g.send("13800000005", "第三次").get(10, TimeUnit.SECONDS);

            assertThat(smsc.logins()).isEqualTo(logins + 1);
            assertThat(smsc.receivedBy("13800000005")).extracting(SmscSimulator.Received::text)
                    .containsExactly("第二次", "第三次");
        }
    }
}
