package org.openhotline.telephony.sip;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import org.openhotline.telephony.EndCause;
import org.openhotline.telephony.media.MediaLeg;
import org.openhotline.telephony.media.Sdp;

/** One SIP dialog of a call and its media; the signalling layer is the only writer of its state. */
public final class SipLeg {
    public enum State { OFFERED, EARLY, RINGING, ANSWERED, ENDED }

    public final String id;
    public final boolean inbound;
    public final MediaLeg media;
    public final String from;
    public final String to;
    public final String trunk;
    public final CompletableFuture<EndCause> ended = new CompletableFuture<>();
    public final CompletableFuture<Void> answered = new CompletableFuture<>();
    volatile State state;
    volatile Dialog dialog;
    volatile ServerTransaction inviteTransaction;
    volatile ClientTransaction outgoingInvite;
    volatile Request invite;
    volatile Sdp remoteSdp;
    volatile boolean remoteHolds;
    volatile boolean ringingReported;
    /** Why we cancelled this ringing leg: the callee's 487 to our CANCEL may be handled before our own finish. */
    volatile EndCause cancelledAs;
    volatile ScheduledFuture<?> ringTimer;
    volatile org.openhotline.telephony.Trunk viaTrunk;
    volatile boolean authTried;
    /** Our SDES key when the leg's media is (to be) SRTP, else null; the profile and policy it was agreed under. */
    volatile org.openhotline.telephony.media.SdesKey localKey;
    volatile boolean savp;
    volatile org.openhotline.telephony.SrtpPolicy srtp = org.openhotline.telephony.SrtpPolicy.OPTIONAL;
    /** CSeq of a REFER (blind or attended) on this leg still waiting for its final NOTIFY, or -1. */
    volatile long pendingRefer = -1;

    SipLeg(String id, boolean inbound, MediaLeg media, String from, String to, String trunk) {
        this.id = id;
        this.inbound = inbound;
        this.media = media;
        this.from = from;
        this.to = to;
        this.trunk = trunk;
        this.state = inbound ? State.OFFERED : State.RINGING;
    }

    public State state() {
        return state;
    }

    /** Whether the peer has put this leg on hold by re-INVITE. */
    public boolean remoteHolds() {
        return remoteHolds;
    }

    /** The SIP Call-ID of this leg's dialog (of its INVITE). */
    String callId() {
        Request r = invite;
        if (r != null) return ((javax.sip.header.CallIdHeader) r.getHeader(javax.sip.header.CallIdHeader.NAME)).getCallId();
        Dialog d = dialog;
        return d == null ? null : d.getCallId().getCallId();
    }

    /** Our tag and the peer's in this leg's dialog (either may be null before the dialog exists). */
    String[] tags() {
        Dialog d = dialog;
        return d == null ? new String[] {null, null} : new String[] {d.getLocalTag(), d.getRemoteTag()};
    }

    public boolean isEnded() {
        return state == State.ENDED;
    }
}
