package org.openhotline.telephony.sip;

import gov.nist.javax.sip.SipStackExt;
import gov.nist.javax.sip.clientauthutils.UserCredentials;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.ResponseEvent;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.openhotline.telephony.Trunk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps outbound trunks usable and watched: registers trunk accounts that need it (refreshing at 80 % of
 * the lifetime, retrying every 30 s after a failure) and probes every outbound trunk with OPTIONS, so the
 * platform can raise an alarm when the carrier stops answering before citizens notice.
 */
final class TrunkMonitor {
    private static final Logger log = LoggerFactory.getLogger(TrunkMonitor.class);
    private final SipEndpoint sip;
    private final ScheduledExecutorService timers;
    private final Map<String, Boolean> up = new ConcurrentHashMap<>();
    private final Map<String, Boolean> registered = new ConcurrentHashMap<>();
    private final Map<String, Boolean> awaitingAnswer = new ConcurrentHashMap<>();

    TrunkMonitor(SipEndpoint sip, List<Trunk> trunks, ScheduledExecutorService timers, long probeSeconds) {
        this.sip = sip;
        this.timers = timers;
        for (Trunk t : trunks) {
            if (!t.hasOutbound()) continue;
            up.put(t.name(), false);
            timers.scheduleWithFixedDelay(() -> probe(t), probeSeconds, probeSeconds, TimeUnit.SECONDS);
            if (t.registerSeconds() > 0) {
                registered.put(t.name(), false);
                timers.schedule(() -> send(t, Request.REGISTER, t.registerSeconds()), 0, TimeUnit.SECONDS);
            }
        }
    }

    /** A probe still unanswered when the next one is due means the carrier is down (faster than timer F). */
    private void probe(Trunk t) {
        if (awaitingAnswer.put(t.name(), true) == Boolean.TRUE && up.put(t.name(), false) == Boolean.TRUE) {
            log.warn("trunk {} does not answer OPTIONS: down", t.name());
        }
        send(t, Request.OPTIONS, 0);
    }

    private void send(Trunk t, String method, int expires) {
        try {
            SipURI carrier = (SipURI) sip.addresses.createURI(sip.trunkUri(null, t));
            String user = t.username() != null ? t.username() : t.callerId() != null ? t.callerId() : "hotline";
            var aor = sip.addresses.createAddress(sip.addresses.createSipURI(user, t.outboundHost()));
            Request r = sip.messages.createRequest(carrier, method, sip.newCallId(),
                    sip.headers.createCSeqHeader(1L, method),
                    sip.headers.createFromHeader(aor, UUID.randomUUID().toString().substring(0, 8)),
                    sip.headers.createToHeader(aor, null),
                    List.of(sip.headers.createViaHeader(sip.advertisedAddress, sip.portFor(t.transport()),
                            t.transport(), null)),
                    sip.headers.createMaxForwardsHeader(70));
            r.addHeader(sip.contact(user, t.transport()));
            if (method.equals(Request.REGISTER)) r.addHeader(sip.headers.createExpiresHeader(expires));
            ClientTransaction ct = sip.provider.getNewClientTransaction(r);
            ct.setApplicationData(t);
            ct.sendRequest();
        } catch (Exception e) {
            log.warn("trunk {}: {} not sent: {}", t.name(), method, e.toString());
        }
    }

    /** Responses to our OPTIONS and REGISTER; returns false for responses that are not ours. */
    boolean response(ResponseEvent event) throws Exception {
        ClientTransaction ct = event.getClientTransaction();
        if (ct == null || !(ct.getApplicationData() instanceof Trunk t)) return false;
        Response r = event.getResponse();
        String method = ((CSeqHeader) r.getHeader(CSeqHeader.NAME)).getMethod();
        int status = r.getStatusCode();
        if (status < 200) return true;
        if (method.equals(Request.OPTIONS)) {
            // any final answer proves the carrier is alive; only silence means down
            awaitingAnswer.put(t.name(), false);
            if (up.put(t.name(), true) != Boolean.TRUE) log.info("trunk {} is up", t.name());
        } else if (method.equals(Request.REGISTER)) {
            registerAnswered(t, ct, r);
        }
        return true;
    }

    private void registerAnswered(Trunk t, ClientTransaction ct, Response r) throws Exception {
        int status = r.getStatusCode();
        boolean firstTry = ct.getRequest().getHeader("Authorization") == null
                && ct.getRequest().getHeader("Proxy-Authorization") == null;
        if ((status == 401 || status == 407) && firstTry && t.username() != null) {
            ClientTransaction retry = ((SipStackExt) sip.stack).getAuthenticationHelper((tx, realm) ->
                    credentials(t), sip.headers).handleChallenge(r, ct, sip.provider, 5);
            retry.setApplicationData(t);
            retry.sendRequest();
        } else if (status / 100 == 2) {
            if (registered.put(t.name(), true) != Boolean.TRUE) log.info("trunk {} registered", t.name());
            timers.schedule(() -> send(t, Request.REGISTER, t.registerSeconds()),
                    Math.max(10, t.registerSeconds() * 8L / 10), TimeUnit.SECONDS);
        } else {
            registered.put(t.name(), false);
            log.warn("trunk {}: registration refused with {}", t.name(), status);
            timers.schedule(() -> send(t, Request.REGISTER, t.registerSeconds()), 30, TimeUnit.SECONDS);
        }
    }

    /** A request to the carrier timed out. */
    boolean timeout(ClientTransaction ct) {
        if (ct == null || !(ct.getApplicationData() instanceof Trunk t)) return false;
        if (Request.OPTIONS.equals(ct.getRequest().getMethod())) {
            if (up.put(t.name(), false) != Boolean.FALSE) log.warn("trunk {} does not answer OPTIONS: down", t.name());
        } else {
            registered.put(t.name(), false);
            timers.schedule(() -> send(t, Request.REGISTER, t.registerSeconds()), 30, TimeUnit.SECONDS);
        }
        return true;
    }

    private static UserCredentials credentials(Trunk t) {
        return new UserCredentials() {
            @Override
            public String getUserName() {
                return t.username();
            }

            @Override
            public String getPassword() {
                return t.password();
            }

            @Override
            public String getSipDomain() {
                return t.outboundHost();
            }
        };
    }

    boolean isUp(String trunk) {
        return up.getOrDefault(trunk, false);
    }

    boolean isRegistered(String trunk) {
        return registered.getOrDefault(trunk, false);
    }
}
