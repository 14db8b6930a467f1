package org.openhotline.callcenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.callcenter.internal.engine.Switchboard;
import org.openhotline.shared.cluster.SingletonLeaseTaken;
import org.openhotline.telephony.LegId;
import org.openhotline.telephony.RegistrationStore;
import org.openhotline.telephony.TelephonyEngine;
import org.openhotline.telephony.sip.EngineFixture;
import org.openhotline.telephony.sip.RecordedEvents;
import org.openhotline.telephony.sip.TestPhone;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.openhotline.testing.Wait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An agent's phone registers once and every node's engine reaches it (docs/adr/050-cluster.md, decision 7): the
 * platform keeps the registration on record, a second engine on the same database ("node B", as another platform
 * process would run one) calls the phone from the record, and the node that takes over the call center takes back
 * the phones registered with the other.
 */
@HotlineTest
class PhoneRegistrationsOnRecordTest {

    @LocalServerPort
    int port;

    @Value("${hotline.sip.port}")
    int sipPort;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RegistrationStore registrations;

    @Autowired
    Switchboard switchboard;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    Clock clock;

    @TempDir
    Path dir;

    @Test
    void aPhoneRegisteredWithThePlatformIsCalledByAnotherNodesEngine() throws Exception {
        String extension = new CallCenterFixture(port, jdbc).freeExtension();
        try (TestPhone phone = new TestPhone(extension, 1000, sipPort)) {
            // the platform's registrar knows the agents by extension: register as an agent of the fixture would
            new CallCenterFixture(port, jdbc).agent("ccreg" + extension, "R" + extension.substring(4), extension, Map.of());
            phone.register(ApiClient.DEMO_PASSWORD);
            Wait.until("the registration is on record", () -> jdbc.sql(
                    "select contact_uri from cc_phone_registration where extension = ? and expires_at > now()")
                    .param(extension).query(String.class).optional().filter(c -> c.endsWith(":" + phone.port())).orElse(null),
                    Duration.ofSeconds(10), () -> "rows: " + jdbc.sql("select * from cc_phone_registration").query().listOfRows());

            try (TelephonyEngine nodeB = EngineFixture.builder(dir, new RecordedEvents()).registrationStore(registrations).start()) {
                assertThat(nodeB.isRegistered(extension)).isTrue();
                LegId leg = nodeB.originate(extension, "12345", false);
                nodeB.answered(leg).get(10, TimeUnit.SECONDS);
                assertThat(phone.lastInvite).startsWith("INVITE sip:" + extension + "@127.0.0.1:" + phone.port());
                nodeB.hangup(leg);
                assertThat(phone.awaitBye(5000)).isTrue();
            }
        }
    }

    @Test
    void theNodeThatTakesOverTheCallCenterTakesBackThePhonesRegisteredWithTheOther() throws Exception {
        String extension = new CallCenterFixture(port, jdbc).freeExtension();
        try (TestPhone phone = new TestPhone(extension, 1000, sipPort)) {
            // what node B's registrar wrote when the phone registered there
            jdbc.sql("""
                    insert into cc_phone_registration (extension, contact_uri, transport, path, expires_at, updated_at)
                    values (?, ?, 'UDP', null, ?, ?)""")
                    .params(extension, "sip:" + extension + "@127.0.0.1:" + phone.port(),
                            Timestamp.from(clock.instant().plusSeconds(300)), Timestamp.from(clock.instant())).update();
            TelephonyEngine engine = switchboard.engine();
            assertThat(engine.isRegistered(extension)).as("not known before the hand-over").isFalse();

            events.publishEvent(new SingletonLeaseTaken("node-a", 7));
            assertThat(engine.isRegistered(extension)).isTrue();
            LegId leg = engine.originate(extension, "12345", false);
            engine.answered(leg).get(10, TimeUnit.SECONDS);
            engine.hangup(leg);
            assertThat(phone.awaitBye(5000)).isTrue();
        }
    }
}
