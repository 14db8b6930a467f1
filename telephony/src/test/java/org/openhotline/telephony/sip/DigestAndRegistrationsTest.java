package org.openhotline.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import javax.sip.SipFactory;
import javax.sip.header.AuthorizationHeader;
import org.junit.jupiter.api.Test;

class DigestAndRegistrationsTest {
    /** A clock tests can move. */
    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-03-01T08:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    AuthorizationHeader answer(DigestAuth auth, String nonce, String password) throws Exception {
        AuthorizationHeader h = SipFactory.getInstance().createHeaderFactory().createAuthorizationHeader("Digest");
        h.setUsername("1001");
        h.setRealm(auth.realm());
        h.setNonce(nonce);
        h.setURI(SipFactory.getInstance().createAddressFactory().createURI("sip:127.0.0.1"));
        h.setQop("auth");
        h.setCNonce("abc");
        h.setNonceCount(1);
        String ha1 = DigestAuth.md5("1001:" + auth.realm() + ":" + password);
        String ha2 = DigestAuth.md5("REGISTER:sip:127.0.0.1");
        h.setResponse(DigestAuth.md5(ha1 + ":" + nonce + ":00000001:abc:auth:" + ha2));
        return h;
    }

    @Test
    void digestAcceptsTheRightPasswordRefusesAWrongOneAndAgesNonces() throws Exception {
        MovableClock clock = new MovableClock();
        DigestAuth auth = new DigestAuth("openhotline", clock);
        String nonce = auth.nonce();
        assertThat(auth.verify(answer(auth, nonce, "pw"), "REGISTER", "pw")).isEqualTo(DigestAuth.Verdict.OK);
        assertThat(auth.verify(answer(auth, nonce, "wrong"), "REGISTER", "pw")).isEqualTo(DigestAuth.Verdict.WRONG);
        clock.now = clock.now.plus(Duration.ofMinutes(6));
        assertThat(auth.verify(answer(auth, nonce, "pw"), "REGISTER", "pw")).isEqualTo(DigestAuth.Verdict.STALE);
    }

    @Test
    void forgedNonceIsNotFresh() throws Exception {
        DigestAuth auth = new DigestAuth("openhotline", new MovableClock());
        String forged = java.util.Base64.getUrlEncoder().encodeToString("1:deadbeef".getBytes());
        assertThat(auth.verify(answer(auth, forged, "pw"), "REGISTER", "pw")).isEqualTo(DigestAuth.Verdict.STALE);
    }

    @Test
    void sourceGuessingPasswordsIsLockedOutForAWhileAndOthersAreNot() {
        MovableClock clock = new MovableClock();
        Lockouts l = new Lockouts(clock, 3, Duration.ofMinutes(1), Duration.ofMinutes(10));
        for (int i = 0; i < 3; i++) l.failed("203.0.113.9");
        assertThat(l.isLockedOut("203.0.113.9")).isTrue();
        assertThat(l.isLockedOut("198.51.100.7")).isFalse();
        clock.now = clock.now.plus(Duration.ofMinutes(11));
        assertThat(l.isLockedOut("203.0.113.9")).isFalse();
    }

    @Test
    void occasionalTyposDoNotLockAPhoneOut() {
        MovableClock clock = new MovableClock();
        Lockouts l = new Lockouts(clock, 3, Duration.ofMinutes(1), Duration.ofMinutes(10));
        l.failed("10.0.0.5");
        l.failed("10.0.0.5");
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        l.failed("10.0.0.5");
        assertThat(l.isLockedOut("10.0.0.5")).isFalse();
        l.succeeded("10.0.0.5");
    }

    @Test
    void registrationExpiresWithTheClock() {
        MovableClock clock = new MovableClock();
        Registrations r = new Registrations(clock);
        r.put(new Registrations.Binding("1001", "sip:1001@127.0.0.1:5070", "UDP", clock.now.plusSeconds(60)));
        assertThat(r.isRegistered("1001")).isTrue();
        clock.now = clock.now.plusSeconds(59);
        assertThat(r.isRegistered("1001")).isTrue();
        clock.now = clock.now.plusSeconds(1);
        assertThat(r.isRegistered("1001")).isFalse();
    }

    /**
     * What another engine takes back from the store: live bindings it can reach (UDP, or any transport through a
     * proxy's Path), not expired ones, not a TCP phone's without a Path, and never over a later binding of its own.
     */
    @Test
    void restoreTakesTheStoresLiveReachableBindingsAndKeepsALaterOwnOne() {
        MovableClock clock = new MovableClock();
        MemoryRegistrationStore store = new MemoryRegistrationStore();
        Registrations first = new Registrations(clock, store);
        first.put(new Registrations.Binding("1001", "sip:1001@127.0.0.1:5070", "UDP", clock.now.plusSeconds(60)));
        first.put(new Registrations.Binding("1002", "sip:1002@127.0.0.1:5072", "UDP", clock.now.plusSeconds(10)));
        first.put(new Registrations.Binding("1003", "sip:1003@127.0.0.1:5074", "TCP", clock.now.plusSeconds(60)));
        first.put(new Registrations.Binding("1004", "sip:1004@127.0.0.1:5076", "TCP", clock.now.plusSeconds(60),
                "<sip:127.0.0.1:5060;lr>"));
        first.put(new Registrations.Binding("1005", "sip:1005@127.0.0.1:5078", "UDP", clock.now.plusSeconds(60)));
        first.remove("1005");
        assertThat(store.load()).extracting(Registrations.Binding::extension)
                .containsExactlyInAnyOrder("1001", "1002", "1003", "1004");

        clock.now = clock.now.plusSeconds(10);
        Registrations next = new Registrations(clock, store);
        next.put(new Registrations.Binding("1001", "sip:1001@127.0.0.1:6000", "UDP", clock.now.plusSeconds(120)));
        assertThat(next.restore()).containsExactlyInAnyOrder("1004");
        assertThat(next.find("1001").orElseThrow().contactUri()).isEqualTo("sip:1001@127.0.0.1:6000");
        assertThat(next.isRegistered("1002")).isFalse();
        assertThat(next.isRegistered("1003")).isFalse();
        assertThat(next.find("1004").orElseThrow().path()).isEqualTo("<sip:127.0.0.1:5060;lr>");
        assertThat(next.isRegistered("1005")).isFalse();

        Registrations third = new Registrations(clock, store);
        assertThat(third.restore()).containsExactlyInAnyOrder("1001", "1004");
        assertThat(third.restore()).as("a second restore changes nothing").isEmpty();
    }
}
