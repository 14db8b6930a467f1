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
                    ? Sdp.offer(sip.advertisedAddress, leg.media.localPort(), "sendrecv", leg.localKey, leg.savp)
                    : Sdp.answer(sip.advertisedAddress, leg.media.localPort(), leg.media.codec(),
                    offer.telephoneEvent(), Sdp.answerDirection(offer.direction()), leg.localKey, offer.savp());
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
                        leg.cancelledAs = cause;
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
     * REFER from a phone in a call (its transfer key, RFC 3515), accepted with 202 and reported to the engine.
     * <ul>
     * <li>Blind: Refer-To names the destination (a number or extension, the user part); the engine is told, and the
     * phone hears the outcome with the final NOTIFY ({@link #referOutcome}) once the call center has moved its party
     * away, so that the phone releases its side only then.</li>
     * <li>Attended (RFC 3891 Replaces in the Refer-To, RFC 5589 section 7): the phone asks us to join the party of
     * this dialog with the party of another of its dialogs with us (the consultation). We are both the transferee
     * and, through the consultation's other leg, the target, so no INVITE with Replaces goes out: the engine is told,
     * the call center joins the parties, and {@link #referOutcome} sends the final NOTIFY. A Replaces naming no dialog
     * of ours fails with a NOTIFY of 481, as the INVITE with Replaces would.</li>
     * </ul>
     * A REFER outside a call or without a usable Refer-To is refused.
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
        long eventId = ((javax.sip.header.CSeqHeader) event.getRequest().getHeader(javax.sip.header.CSeqHeader.NAME)).getSeqNumber();
        Replaces replaces = Replaces.parse(replacesOf(referTo));
        sip.respond(event, Response.ACCEPTED);
        if (replaces == null) {
            // The final NOTIFY waits for the call center (referOutcome): a phone told "200" at once hangs up at once,
            // and its BYE, handled on a SIP thread, raced the transfer on the events thread: the caller was left
            // alone in the phone's room (and sent on to the survey) before the transfer took them out of it.
            sendReferNotify(d, eventId, "100 Trying", false);
            leg.pendingRefer = eventId;
            events.transferRequested(leg, destination);
            return;
        }
        SipLeg replaced = legs.values().stream().filter(other -> other != leg && replaces.names(other)).findFirst().orElse(null);
        if (replaced == null || replaced.state() != SipLeg.State.ANSWERED) {
            log.info("leg {}: attended transfer names no call of ours ({})", leg.id, replaces.callId());
            sendReferNotify(d, eventId, "481 Call/Transaction Does Not Exist", true);
            return;
        }
        // RFC 3515 section 2.4.4: an implicit subscription starts with a NOTIFY at once; the outcome follows
        sendReferNotify(d, eventId, "100 Trying", false);
        leg.pendingRefer = eventId;
        events.attendedTransferRequested(leg, replaced);
    }

    /**
     * The final NOTIFY of a transfer asked on {@code leg} (blind or attended): "200 OK" when it was carried out (the
     * phone then releases its side, RFC 3515 / RFC 5589), "603 Declined" when the call center refused it.
     */
    public void referOutcome(SipLeg leg, boolean joined) {
        long eventId = leg.pendingRefer;
        Dialog d = leg.dialog;
        if (eventId < 0 || d == null) return;
        leg.pendingRefer = -1;
        sendReferNotify(d, eventId, joined ? "200 OK" : "603 Declined", true);
    }

    static String replacesOf(javax.sip.header.ReferToHeader referTo) {
        String uri = referTo.getAddress().getURI().toString();
        int q = uri.indexOf('?');
        if (q < 0) return null;
        for (String header : uri.substring(q + 1).split("&")) {
            if (header.regionMatches(true, 0, "Replaces=", 0, 9)) return header.substring(9);
        }
        return null;
    }

    /** A NOTIFY of the refer event package with a sipfrag status line (RFC 3515 section 2.4.5). */
    private void sendReferNotify(Dialog d, long eventId, String statusLine, boolean terminated) {
        try {
            Request notify = d.createRequest(Request.NOTIFY);
            javax.sip.header.EventHeader ev = sip.headers.createEventHeader("refer");
            ev.setEventId(String.valueOf(eventId));
            notify.setHeader(ev);
            javax.sip.header.SubscriptionStateHeader state = sip.headers.createSubscriptionStateHeader(terminated
                    ? javax.sip.header.SubscriptionStateHeader.TERMINATED : javax.sip.header.SubscriptionStateHeader.ACTIVE);
            if (terminated) state.setReasonCode("noresource");
            else state.setExpires(60);
            notify.setHeader(state);
            notify.setContent("SIP/2.0 " + statusLine + "\r\n", sip.headers.createContentTypeHeader("message", "sipfrag"));
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
