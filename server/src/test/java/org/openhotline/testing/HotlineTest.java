package org.openhotline.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A test against the whole running platform: a real embedded PostgreSQL in a fresh data directory, the demo
 * city seeded with password {@link ApiClient#DEMO_PASSWORD}, HTTP on a random port. All tests with this
 * annotation share one application context (and so one database): write tests that create their own data
 * or read the demo data without changing it. The clock is a {@link TestClock}: a test that moves it resets it, and
 * {@link TestClockReset} resets it before and after every test as well.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hotline.demo.password=" + ApiClient.DEMO_PASSWORD,
        "hotline.demo.enabled=true",
        // No demo year of history: tests own their data (HistorySeedTest writes a week far in the past itself).
        "hotline.demo.history=false",
        // The test database is thrown away: no flush per commit (production keeps fsync on).
        "hotline.db.embedded-fsync=false",
        // Every test client comes from loopback: a test's wrong passwords must not throttle the next test's logins.
        // Tests of the throttle use ApiClient.fromOwnAddress (127.x.y.z), which is counted.
        "hotline.security.login-throttle.exempt-addresses=127.0.0.1,::1",
        // As behind a TLS-terminating proxy on the same host: X-Forwarded-* count from loopback 127.0.0.1 only (the
        // platform's default trusted proxies), not from ApiClient.fromOwnAddress's 127.x.y.z (WebSecurityTest).
        "server.forward-headers-strategy=native",
        // Real SIP and RTP on loopback, on free ports (TestPorts) that do not collide with a running platform.
        "hotline.sip.bind-address=127.0.0.1",
        // A carrier trunk on loopback for the test numbers 12301–12309. 12345 is left to the demo trunk that demo
        // data brings (the newcomer's recipe in docs/callcenter.md), so the SIP tests' callers to 12345 prove it too.
        "hotline.sip.trunks[0].name=carrier",
        "hotline.sip.trunks[0].inbound-numbers=12301,12302,12303,12304,12305,12306,12307,12308,12309",
        "hotline.sip.trunks[0].allowed-addresses=127.0.0.1",
        "hotline.sip.trunks[0].caller-id=077112345",
        // A carrier the platform probes with OPTIONS every second (operations' trunk alarm test starts and stops a
        // sipp answering it on this free port; the rest of the time the trunk is simply down).
        "hotline.sip.trunks[1].name=ops-probe",
        "hotline.sip.trunks[1].outbound-host=127.0.0.1",
        "hotline.sip.trunks[1].outbound-port=${hotline.test.ops-trunk-port}",
        // 主叫号码透传: a call handed over to 110 through it shows the citizen's number (EmergencyHandOverTest).
        "hotline.sip.trunks[1].caller-id-pass-through=true",
        "hotline.sip.trunk-probe-seconds=1",
        // No nightly job by the wall clock: a suite that runs across 00:15 or 02:30 Beijing time must not find another
        // test's world changed under it; tests run these jobs themselves (NightlyCloseTest, ExpiryRemindersTest, …).
        "hotline.workforce.adherence-close-cron=-", "hotline.audit.archive-cron=-", "hotline.backup.cron=-",
        "hotline.callcenter.recording-retention-cron=-", "hotline.dispatch.retrain-cron=-",
        "hotline.exchange.reconciliation-cron=-", "hotline.exchange.retention-cron=-", "hotline.knowledge.expiry-cron=-",
        "hotline.operations.inspection-cron=-", "hotline.operations.weekly-cron=-",
        "logging.level.org.openhotline=INFO"})
@org.springframework.test.context.ContextConfiguration(initializers = TestEnvironment.class)
@org.springframework.context.annotation.Import(TestClock.Registration.class)
@org.junit.jupiter.api.extension.ExtendWith(TestClockReset.class)
public @interface HotlineTest {}
