package org.openhotline.telephony.sip;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.openhotline.telephony.EndCause;
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
 * Places outbound legs: to a registered extension at its Contact, or to any other number through the
 * first trunk with an outbound peer (over its transport: a TLS trunk gets a TLS connection of ours, and its SDES key
 * only there), offering PCMU, PCMA and telephone-event. An agent phone can be asked
 * to answer by itself (soft off-hook): we add the headers common phones honour (Call-Info answer-after=0,
 * Alert-Info auto-answer).
 */
public final class Dialer {
    private static final Logger log = LoggerFactory.getLogger(Dialer.class);
    private final SipEndpoint sip;
    private final TelephonyConfig config;
    private final SipSecurity security;
    private final Registrations registrations;
    private final RtpPorts ports;
    private final Map<String, SipLeg> legs;
    private final SignallingEvents events;
    private final LegControl control;
    private final TrunkAuthentication auth;

    Dialer(SipEndpoint sip, TelephonyConfig config, SipSecurity security, Registrations registrations, RtpPorts ports,
           Map<String, SipLeg> legs, SignallingEvents events, LegControl control) {
        this.sip = sip;
        this.config = config;
        this.security = security;
        this.registrations = registrations;
        this.ports = ports;
        this.legs = legs;
        this.events = events;
        this.control = control;
        this.auth = new TrunkAuthentication(sip);
    }

    /** Starts an outbound leg; its progress arrives as events. Fails at once if there is no route. */
    public SipLeg dial(String destination, String callerId, boolean autoAnswer) throws Exception {
        return dial(destination, callerId, autoAnswer, leg -> { });
    }

    /**
     * As {@link #dial(String, String, boolean)}, handing the leg to {@code beforeSend} before the INVITE leaves:
     * a fast answer (a busy phone's 486) may otherwise be processed before the caller knows the leg.
     */
    public SipLeg dial(String destination, String callerId, boolean autoAnswer,
                       java.util.function.Consumer<SipLeg> beforeSend) throws Exception {
        String target;
        String transport = "udp";
        String trunkName;
        Trunk via = null;
        var binding = registrations.find(destination);
        String from = callerId;
        String route = null;
        if (binding.isPresent()) {
            target = binding.get().contactUri();
            route = binding.get().path();
            transport = binding.get().transport() == null ? "udp" : binding.get().transport().toLowerCase();
            trunkName = "extension";
        } else {
            Trunk trunk = config.trunks().stream().filter(Trunk::hasOutbound).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no route to " + destination));
            transport = trunk.transport();
            if (trunk.overTls() && sip.tlsPort < 0) {
                throw new IllegalArgumentException("trunk " + trunk.name() + " is reached over TLS but SIP over TLS is off");
            }
            target = sip.trunkUri(destination, trunk);
            trunkName = trunk.name();
            via = trunk;
            if (from == null) from = trunk.callerId();
        }
        // A number of the caller's own (a citizen handed over to 110) is asserted only where the carrier allows it.
        boolean assertCaller = via != null && via.callerIdPassThrough() && callerId != null;
        if (from == null) from = "hotline";
        // SRTP keys only over TLS (docs/adr/060-sip-tls-and-srtp.md): required and no TLS means no call
        SrtpPolicy policy = security.policyFor(trunkName);
        boolean overTls = "tls".equals(transport);
        if (policy == SrtpPolicy.REQUIRED && !overTls) {
            throw new IllegalArgumentException("SRTP is required for " + trunkName + " but " + destination
                    + " is not reached over TLS");
        }
        SdesKey key = overTls && policy != SrtpPolicy.OFF ? SdesKey.random(1) : null;
        String id = "out-" + UUID.randomUUID();
        MediaLeg media = ports.open(id);
        SipLeg leg = new SipLeg(id, false, media, from, destination, trunkName);
        leg.viaTrunk = via;
        leg.localKey = key;
        leg.savp = key != null && policy == SrtpPolicy.REQUIRED;
        leg.srtp = policy;
        try {
            Request invite = invite((SipURI) sip.addresses.createURI(target), from, destination, transport, media,
                    autoAnswer, key, leg.savp);
            if (route != null) {
                // RFC 3327: the phone is reached through the proxy it registered through; JAIN-SIP sends the INVITE
                // to the first Route (loose routing) and the proxy forwards it to the Contact
                for (String hop : route.split(",")) {
                    invite.addHeader(sip.headers.createRouteHeader(sip.addresses.createAddress(hop.trim())));
                }
            }
            if (assertCaller) {
                // RFC 3325: the identity the carrier trusts and passes on (to 110's caller display), the same as From's
                invite.addHeader(sip.headers.createHeader("P-Asserted-Identity", "<sip:" + from + "@" + sip.advertisedAddress + ">"));
            }
            ClientTransaction ct = sip.provider.getNewClientTransaction(invite);
            ct.setApplicationData(leg);
            leg.outgoingInvite = ct;
            leg.invite = invite;
            leg.dialog = ct.getDialog();
            if (leg.dialog != null) leg.dialog.setApplicationData(leg);
            legs.put(id, leg);
            leg.ringTimer = control.timers.schedule(() -> {
                if (leg.state() == SipLeg.State.RINGING) control.hangup(leg, EndCause.NO_ANSWER);
            }, config.ringTimeout().toMillis(), TimeUnit.MILLISECONDS);
            beforeSend.accept(leg);
            ct.sendRequest();
            if (sip.peerNames.refused(ct)) {
                throw new javax.sip.SipException("the TLS certificate of " + target + " is not issued for its host");
            }
        } catch (Exception e) {
            if (leg.ringTimer != null) leg.ringTimer.cancel(false);
            legs.remove(id);
            media.close();
            throw e;
        }
        return leg;
    }

    /**
     * The trunk a call to {@code destination} would leave through, as {@link #dial} routes it: none for a registered
     * extension, else the first trunk with an outbound peer (if any).
     */
    public java.util.Optional<Trunk> trunkFor(String destination) {
        if (registrations.find(destination).isPresent()) return java.util.Optional.empty();
        return config.trunks().stream().filter(Trunk::hasOutbound).findFirst();
    }

    private Request invite(SipURI target, String from, String destination, String transport, MediaLeg media,
                           boolean autoAnswer, SdesKey key, boolean savp) throws Exception {
        SipURI fromUri = sip.addresses.createSipURI(from, sip.advertisedAddress);
        FromHeader fromHeader = sip.headers.createFromHeader(sip.addresses.createAddress(fromUri),
                UUID.randomUUID().toString().substring(0, 8));
        SipURI toUri = sip.addresses.createSipURI(destination, target.getHost());
        ToHeader to = sip.headers.createToHeader(sip.addresses.createAddress(toUri), null);
        CallIdHeader callId = sip.newCallId();
        CSeqHeader cseq = sip.headers.createCSeqHeader(1L, Request.INVITE);
        ViaHeader via = sip.headers.createViaHeader(sip.advertisedAddress, sip.portFor(transport), transport, null);
        Request r = sip.messages.createRequest(target, Request.INVITE, callId, cseq, fromHeader, to, List.of(via),
                sip.headers.createMaxForwardsHeader(70), control.sdpType(),
                Sdp.offer(sip.advertisedAddress, media.localPort(), "sendrecv", key, savp)
                        .getBytes(StandardCharsets.US_ASCII));
        r.addHeader(sip.contact("hotline", transport));
        Address self = sip.addresses.createAddress(sip.addresses.createSipURI(null, sip.advertisedAddress));
        if (autoAnswer) {
            r.addHeader(sip.headers.createHeader("Call-Info", "<" + self.getURI() + ">;answer-after=0"));
            r.addHeader(sip.headers.createHeader("Alert-Info", "<http://localhost>;info=alert-autoanswer;delay=0"));
        }
        return r;
    }

    void response(ResponseEvent event) throws Exception {
        Response r = event.getResponse();
        CSeqHeader cseq = (CSeqHeader) r.getHeader(CSeqHeader.NAME);
        if (!Request.INVITE.equals(cseq.getMethod())) return;
        ClientTransaction ct = event.getClientTransaction();
        SipLeg leg = ct != null && ct.getApplicationData() instanceof SipLeg l ? l
                : event.getDialog() != null && event.getDialog().getApplicationData() instanceof SipLeg l2 ? l2 : null;
        int status = r.getStatusCode();
        if (leg == null || leg.inbound) {
            if (status / 100 == 2 && event.getDialog() != null) ack(event.getDialog(), cseq);
            return;
        }
        if (status < 200) {
            if (status == 100) return;
            Sdp early = sdpOf(r);
            if (early != null && early.crypto() != null == (leg.localKey != null)) connect(leg, early);
            if (leg.state() == SipLeg.State.RINGING && !leg.ringingReported) {
                leg.ringingReported = true;
                events.ringing(leg);
            }
        } else if (status < 300) {
            // a TLS trunk's in-dialog requests (ACK, BYE, re-INVITE) go over the connection we opened to it
            sip.rememberTlsPeer(r);
            ack(event.getDialog(), cseq);
            boolean first;
            synchronized (leg) {
                first = leg.state == SipLeg.State.RINGING;
                if (first) {
                    leg.state = SipLeg.State.ANSWERED;
                    leg.dialog = event.getDialog();
                    leg.dialog.setApplicationData(leg);
                }
            }
            if (!first) return;
            Sdp answer = sdpOf(r);
            if (answer != null) connect(leg, answer);
            if (leg.srtp == SrtpPolicy.REQUIRED && !leg.media.isSecure()) {
                log.info("leg {} to {}: the answer has no SRTP key, which the policy requires", leg.id, leg.to);
                control.hangup(leg, EndCause.FAILED);
                return;
            }
            leg.media.startSending();
            leg.answered.complete(null);
            events.answered(leg);
        } else if ((status == 401 || status == 407) && ct != null && auth.retry(leg, r, ct)) {
            log.debug("leg {}: answering the trunk's challenge", leg.id);
        } else {
            log.debug("leg {} to {} failed with {}", leg.id, leg.to, status);
            // A 487 answers our own CANCEL: the leg ends for the reason we cancelled it (a ring timeout is NO_ANSWER),
            // even when the SIP stack's thread gets here before the canceller's finish.
            control.finish(leg, status == 487 && leg.cancelledAs != null ? leg.cancelledAs : EndCause.ofStatusCode(status));
        }
    }

    private void ack(Dialog dialog, CSeqHeader cseq) throws Exception {
        dialog.sendAck(dialog.createAck(cseq.getSeqNumber()));
    }

    private static void connect(SipLeg leg, Sdp sdp) {
        Codec c = sdp.preferredCodec();
        leg.media.connect(sdp.socketAddress(), c == null ? Codec.PCMU : c, sdp.telephoneEvent());
        if (leg.localKey != null && sdp.crypto() != null) {
            leg.media.secure(sdp.crypto(), new SdesKey(sdp.crypto().tag(), leg.localKey.key(), leg.localKey.salt()));
        }
        leg.remoteSdp = sdp;
    }

    private static Sdp sdpOf(Response r) {
        byte[] raw = r.getRawContent();
        if (raw == null || raw.length == 0) return null;
        try {
            return Sdp.parse(new String(raw, StandardCharsets.US_ASCII));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
