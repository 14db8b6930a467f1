package org.openhotline.telephony.sip;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.openhotline.telephony.EndCause;
import org.openhotline.telephony.media.Sdp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers, ends and signals on existing legs, for both directions. Each leg's changes hold its lock. */
public final class LegControl implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LegControl.class);
    private final SipEndpoint sip;
    private final Map<String, SipLeg> legs;
    private final SignallingEvents events;
    final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sip-timers");
        t.setDaemon(true);
        return t;
    });

    LegControl(SipEndpoint sip, Map<String, SipLeg> legs, SignallingEvents events) {
        this.sip = sip;
        this.legs = legs;
        this.events = events;
    }

    public SipLeg find(String id) {
        return legs.get(id);
    }

    /** Sends 183 Session Progress with our SDP so that prompts play before the call is answered. */
    public void earlyMedia(SipLeg leg) {
        synchronized (leg) {
            if (!leg.inbound || leg.state != SipLeg.State.OFFERED) return;
            sendWithSdp(leg, Response.SESSION_PROGRESS);
            leg.state = SipLeg.State.EARLY;
        }
    }

    public void answer(SipLeg leg) {
        synchronized (leg) {
            if (!leg.inbound || (leg.state != SipLeg.State.OFFERED && leg.state != SipLeg.State.EARLY)) return;
            sendWithSdp(leg, Response.OK);
            leg.state = SipLeg.State.ANSWERED;
        }
        leg.answered.complete(null);
        events.answered(leg);
    }

    private void sendWithSdp(SipLeg leg, int status) {
        try {
            Response r = sip.messages.createResponse(status, leg.invite);
            ((ToHeader) r.getHeader(ToHeader.NAME)).setTag(leg.id);
            r.addHeader(sip.contact("hotline", transportOf(leg.invite)));
            Sdp offer = leg.remoteSdp;
            String body = offer == null
                    ? Sdp.offer(sip.advertisedAddress, leg.media.localPort(), "sendrecv")
                    : Sdp.answer(sip.advertisedAddress, leg.media.localPort(), leg.media.codec(),
                    offer.telephoneEvent(), Sdp.answerDirection(offer.direction()));
            r.setContent(body, sdpType());
            leg.inviteTransaction.sendResponse(r);
            leg.media.startSending();
        } catch (Exception e) {
            log.warn("leg {}: could not send {}: {}", leg.id, status, e.toString());
        }
    }

    ContentTypeHeader sdpType() throws Exception {
        return sip.headers.createContentTypeHeader("application", "sdp");
    }

    static String transportOf(Request r) {
        return ((javax.sip.header.ViaHeader) r.getHeader(javax.sip.header.ViaHeader.NAME)).getTransport();
    }

    /** Ends a leg the way its state requires: BYE when answered, a final response or CANCEL before. */
    public void hangup(SipLeg leg, EndCause cause) {
        try {
            synchronized (leg) {
                switch (leg.state) {
                    case ANSWERED -> {
                        Dialog d = leg.dialog;
                        if (d != null) {
                            Request bye = d.createRequest(Request.BYE);
                            ClientTransaction ct = sip.provider.getNewClientTransaction(bye);
                            d.sendRequest(ct);
                        }
                    }
                    case OFFERED, EARLY -> {
                        int status = cause == EndCause.BUSY ? Response.BUSY_HERE
                                : cause == EndCause.REJECTED ? Response.FORBIDDEN
                                : Response.TEMPORARILY_UNAVAILABLE;
                        Response r = sip.messages.createResponse(status, leg.invite);
                        ((ToHeader) r.getHeader(ToHeader.NAME)).setTag(leg.id);
                        leg.inviteTransaction.sendResponse(r);
                    }
                    case RINGING -> {
                        ClientTransaction ct = leg.outgoingInvite;
                        if (ct != null) sip.provider.getNewClientTransaction(ct.createCancel()).sendRequest();
                    }
                    case ENDED -> {
                        return;
                    }
                }
            }
        } catch (Exception e) {
            log.debug("leg {}: hangup signalling failed: {}", leg.id, e.toString());
        }
        finish(leg, cause);
    }

    /** Marks the leg ended exactly once, releases its media and tells the engine. */
    void finish(SipLeg leg, EndCause cause) {
        synchronized (leg) {
            if (leg.state == SipLeg.State.ENDED) return;
            leg.state = SipLeg.State.ENDED;
        }
        if (leg.ringTimer != null) leg.ringTimer.cancel(false);
        legs.remove(leg.id);
        leg.media.close();
        leg.answered.completeExceptionally(new IllegalStateException("leg ended: " + cause));
        leg.ended.complete(cause);
        events.ended(leg, cause);
    }

    void bye(RequestEvent event) {
        Dialog d = event.getDialog();
        if (d == null || !(d.getApplicationData() instanceof SipLeg leg)) {
            sip.respond(event, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        sip.respond(event, Response.OK);
        finish(leg, EndCause.NORMAL_CLEARING);
    }

    /** SIP INFO DTMF (application/dtmf-relay "Signal=5" or application/dtmf "5"), for phones without RFC 4733. */
    void info(RequestEvent event) {
        Dialog d = event.getDialog();
        if (d == null || !(d.getApplicationData() instanceof SipLeg leg)) {
            sip.respond(event, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        sip.respond(event, Response.OK);
        byte[] raw = event.getRequest().getRawContent();
        if (raw == null) return;
        String body = new String(raw, StandardCharsets.US_ASCII).trim();
        for (String line : body.split("\r?\n")) {
            String l = line.trim();
            String v = l.regionMatches(true, 0, "Signal=", 0, 7) ? l.substring(7).trim()
                    : !body.contains("=") ? l : "";
            if (v.length() == 1 && "0123456789*#ABCDabcd".indexOf(v.charAt(0)) >= 0) {
                events.digit(leg, Character.toUpperCase(v.charAt(0)));
            }
        }
    }

    /**
     * REFER from a phone in a call (its transfer key, RFC 3515): a blind transfer, accepted with 202 and reported,
     * then the phone is told the outcome with a final NOTIFY, so that it releases its side. Refer-To names the
     * destination (a number or extension, the user part). A REFER outside a call, without a usable Refer-To, or
     * with Replaces (attended transfer, not yet) is refused.
     */
    void refer(RequestEvent event) {
        Dialog d = event.getDialog();
        if (d == null || !(d.getApplicationData() instanceof SipLeg leg) || leg.state() != SipLeg.State.ANSWERED) {
            sip.respond(event, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        javax.sip.header.ReferToHeader referTo = (javax.sip.header.ReferToHeader) event.getRequest()
                .getHeader(javax.sip.header.ReferToHeader.NAME);
        String destination = referTo != null && referTo.getAddress().getURI() instanceof javax.sip.address.SipURI u
                ? u.getUser() : null;
        if (destination == null || destination.isBlank()) {
            sip.respond(event, Response.BAD_REQUEST);
            return;
        }
        if (replacesOf(referTo) != null) {
            // attended transfer from the phone needs its consultation call to run through the platform, which
            // phone-to-extension calls do not yet; the phone bar's 咨询转接 does it
            sip.respond(event, Response.NOT_IMPLEMENTED);
            return;
        }
        sip.respond(event, Response.ACCEPTED);
        notifyReferOutcome(d, event.getRequest());
        events.transferRequested(leg, destination);
    }

    private static String replacesOf(javax.sip.header.ReferToHeader referTo) {
        String uri = referTo.getAddress().getURI().toString();
        int q = uri.indexOf('?');
        if (q < 0) return null;
        for (String header : uri.substring(q + 1).split("&")) {
            if (header.regionMatches(true, 0, "Replaces=", 0, 9)) return header.substring(9);
        }
        return null;
    }

    /** The transfer is ours now: a terminating NOTIFY with "200 OK" lets the phone hang up its side. */
    private void notifyReferOutcome(Dialog d, Request refer) {
        try {
            Request notify = d.createRequest(Request.NOTIFY);
            javax.sip.header.EventHeader ev = sip.headers.createEventHeader("refer");
            ev.setEventId(String.valueOf(((javax.sip.header.CSeqHeader) refer.getHeader(javax.sip.header.CSeqHeader.NAME)).getSeqNumber()));
            notify.setHeader(ev);
            javax.sip.header.SubscriptionStateHeader state = sip.headers.createSubscriptionStateHeader(
                    javax.sip.header.SubscriptionStateHeader.TERMINATED);
            state.setReasonCode("noresource");
            notify.setHeader(state);
            notify.setContent("SIP/2.0 200 OK\r\n", sip.headers.createContentTypeHeader("message", "sipfrag"));
            d.sendRequest(sip.provider.getNewClientTransaction(notify));
        } catch (Exception e) {
            log.debug("NOTIFY for REFER failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timers.shutdownNow();
    }
}
