package org.openhotline.telephony.sip;

import org.openhotline.telephony.EndCause;

/** How the signalling layer tells the engine what happened to a leg. Called on SIP stack threads. */
public interface SignallingEvents {
    void arrived(SipLeg leg);

    void ringing(SipLeg leg);

    void answered(SipLeg leg);

    void ended(SipLeg leg, EndCause cause);

    void digit(SipLeg leg, char digit);

    /** The peer put the call on hold ({@code held}) or took it off hold, by re-INVITE. */
    void holdChanged(SipLeg leg, boolean held);

    void registration(String extension, boolean registered);

    /** The phone on {@code leg} asked to transfer its call (REFER, RFC 3515) to {@code destination}. */
    void transferRequested(SipLeg leg, String destination);

    /**
     * The phone on {@code leg} asked for an attended transfer (REFER with Replaces, RFC 3891): its party is to be
     * joined with the party of {@code replaced}, another of the same phone's legs with us (the consultation).
     */
    void attendedTransferRequested(SipLeg leg, SipLeg replaced);
}
