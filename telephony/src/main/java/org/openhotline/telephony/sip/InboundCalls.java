package org.openhotline.telephony.sip;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.sip.Dialog;
import javax.sip.DialogState;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.address.SipURI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.openhotline.telephony.EndCause;
import org.openhotline.telephony.ExtensionDirectory;
import org.openhotline.telephony.SipSecurity;
import org.openhotline.telephony.SrtpPolicy;
import org.openhotline.telephony.TelephonyConfig;
import org.openhotline.telephony.Trunk;
import org.openhotline.telephony.media.Codec;
import org.openhotline.telephony.media.MediaLeg;
import org.openhotline.telephony.media.RtpPorts;
import org.openhotline.telephony.media.SdesKey;
import org.openhotline.telephony.media.Sdp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admits new INVITEs: from a trunk's allowed address to one of its numbers, or after a digest challenge
 * from a trunk account or an extension. Above {@code maxCalls} legs the engine answers 503 so that a flood
 * cannot exhaust ports and threads. Re-INVITEs (hold and retrieve) and CANCEL are handled here too.
 */
final class InboundCalls {
    private static final Logger log = LoggerFactory.getLogger(InboundCalls.class);
    private final SipEndpoint sip;
    private final TelephonyConfig config;
    private final SipSecurity security;
    private final DigestAuth digest;
    private final ExtensionDirectory directory;
    private final RtpPorts ports;
    private final Map<String, SipLeg> legs;
    private final Map<String, SipLeg> byCallId = new ConcurrentHashMap<>();
    private final SignallingEvents events;
    private final LegControl control;

    InboundCalls(SipEndpoint sip, TelephonyConfig config, SipSecurity security, DigestAuth digest, ExtensionDirectory directory,
                 RtpPorts ports, Map<String, SipLeg> legs, SignallingEvents events, LegControl control) {
        this.sip = sip;
        this.config = config;
        this.security = security;
        this.digest = digest;
        this.directory = directory;
        this.ports = ports;
        this.legs = legs;
        this.events = events;
        this.control = control;
    }

    void invite(RequestEvent event) throws Exception {
        Dialog existing = event.getDialog();
        if (existing != null && existing.getApplicationData() instanceof SipLeg leg
                && existing.getState() == DialogState.CONFIRMED) {
            reInvite(event, leg);
            return;
        }
        Request req = event.getRequest();
        ServerTransaction tx;
        try {
            tx = event.getServerTransaction() != null ? event.getServerTransaction()
                    : sip.provider.getNewServerTransaction(req);
        } catch (TransactionAlreadyExistsException e) {
            return; // a retransmission the stack already handles
        }
        String source = ((gov.nist.javax.sip.message.SIPMessage) req).getRemoteAddress().getHostAddress();
        String called = req.getRequestURI() instanceof SipURI u && u.getUser() != null ? u.getUser()
                : userOf((ToHeader) req.getHeader(ToHeader.NAME));
        String caller = Registrar.userOf((FromHeader) req.getHeader(FromHeader.NAME));
        Optional<String> admittedAs = admit(req, source, called, caller);
        if (admittedAs.isEmpty()) {
            AuthorizationHeader auth = (AuthorizationHeader) req.getHeader(AuthorizationHeader.NAME);
            if (auth == null && passwordFor(caller, called) != null) {
                challenge(tx, req);
            } else {
                log.warn("INVITE from {} ({}) to {} refused: {}", caller, source, called, refusalHint(source, called));
                tx.sendResponse(sip.response(Response.FORBIDDEN, req));
            }
            return;
        }
        if (legs.size() >= config.maxCalls()) {
            Response busy = sip.response(Response.SERVICE_UNAVAILABLE, req);
            busy.addHeader(sip.headers.createRetryAfterHeader(5));
            tx.sendResponse(busy);
            return;
        }
        Sdp offer = null;
        if (req.getRawContent() != null && req.getRawContent().length > 0) {
            try {
                offer = Sdp.parse(new String(req.getRawContent(), StandardCharsets.US_ASCII));
            } catch (RuntimeException e) {
                offer = null;
            }
            if (offer == null || offer.preferredCodec() == null) {
                tx.sendResponse(sip.response(Response.NOT_ACCEPTABLE_HERE, req));
                return;
            }
        }
        // SRTP (docs/adr/060-sip-tls-and-srtp.md): keys only over TLS; the trunk's or the phones' policy decides
        boolean overTls = "tls".equalsIgnoreCase(LegControl.transportOf(req));
        SrtpPolicy policy = security.policyFor(admittedAs.get());
        SdesKey ours = null;
        SrtpPolicy.Outcome outcome = offer != null ? policy.decide(offer.crypto() != null, offer.savp(), overTls)
                : !overTls ? (policy == SrtpPolicy.REQUIRED ? SrtpPolicy.Outcome.REFUSE : SrtpPolicy.Outcome.PLAIN)
                : policy == SrtpPolicy.OFF ? SrtpPolicy.Outcome.PLAIN : SrtpPolicy.Outcome.SRTP;
        if (outcome == SrtpPolicy.Outcome.REFUSE) {
            log.info("INVITE from {} ({}) to {} refused with 488: SRTP policy {} for {}, offer {}, over {}", caller,
                    source, called, policy, admittedAs.get(), offer == null ? "none"
                            : (offer.savp() ? "RTP/SAVP" : "RTP/AVP") + (offer.crypto() != null ? " with key" : " without key"),
                    LegControl.transportOf(req));
            tx.sendResponse(sip.response(Response.NOT_ACCEPTABLE_HERE, req));
            return;
        }
        sip.rememberTlsPeer(req);
        if (outcome == SrtpPolicy.Outcome.SRTP) ours = SdesKey.random(offer != null ? offer.crypto().tag() : 1);
        tx.sendResponse(sip.messages.createResponse(Response.TRYING, req));
        String id = "in-" + UUID.randomUUID();
        MediaLeg media = ports.open(id);
        if (offer != null) media.connect(offer.socketAddress(), offer.preferredCodec(), offer.telephoneEvent());
        if (offer != null && ours != null) media.secure(offer.crypto(), ours);
        SipLeg leg = new SipLeg(id, true, media, caller, called, admittedAs.get());
        leg.localKey = ours;
        leg.savp = ours != null && (offer != null ? offer.savp() : policy == SrtpPolicy.REQUIRED);
        leg.srtp = policy;
        leg.invite = req;
        leg.inviteTransaction = tx;
        leg.remoteSdp = offer;
        leg.dialog = tx.getDialog();
        if (leg.dialog != null) leg.dialog.setApplicationData(leg);
        tx.setApplicationData(leg);
        legs.put(id, leg);
        String callId = ((CallIdHeader) req.getHeader(CallIdHeader.NAME)).getCallId();
        byCallId.put(callId, leg);
        leg.ended.whenComplete((c, e) -> byCallId.remove(callId));
        // nobody answering (no flow, call center silent, or a flood of half-open INVITEs) must not hold a slot
        leg.ringTimer = control.timers.schedule(() -> {
            if (leg.state() == SipLeg.State.OFFERED) control.hangup(leg, EndCause.NO_ANSWER);
        }, config.ringTimeout().toMillis(), TimeUnit.MILLISECONDS);
        events.arrived(leg);
    }

    /** Returns the trunk name (or "extension") the call is admitted as. */
    private Optional<String> admit(Request req, String source, String called, String caller) {
        for (Trunk t : config.trunks()) {
            if (t.accepts(called) && t.allows(source)) return Optional.of(t.name());
        }
        AuthorizationHeader auth = (AuthorizationHeader) req.getHeader(AuthorizationHeader.NAME);
        if (auth == null) return Optional.empty();
        for (Trunk t : config.trunks()) {
            if (t.accepts(called) && t.username() != null && t.username().equals(auth.getUsername())
                    && digest.verify(auth, Request.INVITE, t.password()) == DigestAuth.Verdict.OK) {
                return Optional.of(t.name());
            }
        }
        String pw = directory.passwordOf(auth.getUsername()).orElse(null);
        if (pw != null && auth.getUsername().equals(caller)
                && digest.verify(auth, Request.INVITE, pw) == DigestAuth.Verdict.OK) {
            return Optional.of("extension");
        }
        return Optional.empty();
    }

    /**
     * What an operator must configure for such a call to be admitted, in the platform's property names: the
     * first call from a newly connected carrier or test phone is refused, and this line is where one looks.
     */
    private String refusalHint(String source, String called) {
        boolean numberKnown = config.trunks().stream().anyMatch(t -> t.accepts(called));
        String which = numberKnown
                ? "no trunk for " + called + " allows " + source + ": add it to hotline.sip.trunks[n].allowed-addresses"
                : "no trunk accepts calls to " + called + ": add it to hotline.sip.trunks[n].inbound-numbers";
        return which + " (env HOTLINE_SIP_TRUNKS_0_INBOUND_NUMBERS / HOTLINE_SIP_TRUNKS_0_ALLOWED_ADDRESSES), or give the"
                + " trunk hotline.sip.trunks[n].username/password for digest; configured trunks: "
                + (config.trunks().isEmpty() ? "none" : config.trunks().stream().map(Trunk::name).toList());
    }

    private String passwordFor(String caller, String called) {
        for (Trunk t : config.trunks()) {
            if (t.accepts(called) && t.password() != null) return t.password();
        }
        return caller == null ? null : directory.passwordOf(caller).orElse(null);
    }

    private void challenge(ServerTransaction tx, Request req) throws Exception {
        Response r = sip.response(Response.UNAUTHORIZED, req);
        javax.sip.header.WWWAuthenticateHeader h = sip.headers.createWWWAuthenticateHeader("Digest");
        h.setRealm(digest.realm());
        h.setNonce(digest.nonce());
        h.setAlgorithm("MD5");
        h.setQop("auth");
        r.addHeader(h);
        tx.sendResponse(r);
    }

    /** A re-INVITE in a confirmed dialog: new media address and/or hold (sendonly, inactive) or retrieve. */
    private void reInvite(RequestEvent event, SipLeg leg) throws Exception {
        Request req = event.getRequest();
        ServerTransaction tx = event.getServerTransaction() != null ? event.getServerTransaction()
                : sip.provider.getNewServerTransaction(req);
        Sdp offer = req.getRawContent() == null ? null
                : Sdp.parse(new String(req.getRawContent(), StandardCharsets.US_ASCII));
        SdesKey ours = leg.localKey;
        if (offer != null && (ours != null ? offer.crypto() == null : offer.savp())) {
            // a secure call stays secure, and a plain one cannot turn RTP/SAVP without keys agreed at the start
            tx.sendResponse(sip.response(Response.NOT_ACCEPTABLE_HERE, req));
            return;
        }
        if (offer != null && ours != null) ours = new SdesKey(offer.crypto().tag(), ours.key(), ours.salt());
        Response r = sip.messages.createResponse(Response.OK, req);
        r.addHeader(sip.contact("hotline", LegControl.transportOf(req)));
        String direction = offer == null ? "sendrecv" : Sdp.answerDirection(offer.direction());
        Codec codec = offer != null && offer.preferredCodec() != null ? offer.preferredCodec() : leg.media.codec();
        r.setContent(Sdp.answer(sip.advertisedAddress, leg.media.localPort(), codec,
                offer == null ? 101 : offer.telephoneEvent(), direction, ours, offer == null ? leg.savp : offer.savp()),
                control.sdpType());
        tx.sendResponse(r);
        if (offer == null) return;
        if (!offer.holds() && !"0.0.0.0".equals(offer.address())) {
            leg.media.connect(offer.socketAddress(), codec, offer.telephoneEvent());
        }
        if (ours != null) leg.media.secure(offer.crypto(), ours);
        leg.remoteSdp = offer;
        boolean holds = offer.holds();
        if (holds != leg.remoteHolds) {
            leg.remoteHolds = holds;
            events.holdChanged(leg, holds);
        }
    }

    /** ACK of our 200: with a delayed offer it carries the peer's answer. */
    void ack(RequestEvent event) {
        Dialog d = event.getDialog();
        byte[] body = event.getRequest().getRawContent();
        if (d == null || !(d.getApplicationData() instanceof SipLeg leg) || body == null || body.length == 0) return;
        if (leg.remoteSdp == null) {
            Sdp answer = Sdp.parse(new String(body, StandardCharsets.US_ASCII));
            leg.remoteSdp = answer;
            Codec c = answer.preferredCodec();
            leg.media.connect(answer.socketAddress(), c == null ? Codec.PCMU : c, answer.telephoneEvent());
            if (leg.localKey != null && answer.crypto() != null) {
                leg.media.secure(answer.crypto(), leg.localKey);
            } else if (leg.srtp == SrtpPolicy.REQUIRED) {
                log.info("leg {}: the answer in the ACK has no SRTP key, which the policy requires", leg.id);
                control.hangup(leg, EndCause.FAILED);
            }
        }
    }

    void cancel(RequestEvent event) {
        sip.respond(event, Response.OK);
        String callId = ((CallIdHeader) event.getRequest().getHeader(CallIdHeader.NAME)).getCallId();
        SipLeg leg = byCallId.get(callId);
        if (leg == null) return;
        synchronized (leg) {
            if (leg.state != SipLeg.State.OFFERED && leg.state != SipLeg.State.EARLY) return;
            try {
                Response r = sip.messages.createResponse(Response.REQUEST_TERMINATED, leg.invite);
                ((ToHeader) r.getHeader(ToHeader.NAME)).setTag(leg.id);
                leg.inviteTransaction.sendResponse(r);
            } catch (Exception e) {
                log.debug("487 for {} failed: {}", leg.id, e.toString());
            }
        }
        control.finish(leg, EndCause.CANCELLED);
    }

    private static String userOf(ToHeader to) {
        return to.getAddress().getURI() instanceof SipURI u ? u.getUser() : null;
    }
}
