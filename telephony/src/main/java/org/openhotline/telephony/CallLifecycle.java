package org.openhotline.telephony;

import java.util.List;
import org.openhotline.telephony.TelephonyEvent.*;
import org.openhotline.telephony.ivr.FlowRepository;
import org.openhotline.telephony.media.MediaLeg;
import org.openhotline.telephony.media.Mixer;
import org.openhotline.telephony.media.Role;
import org.openhotline.telephony.media.Room;
import org.openhotline.telephony.sip.SignallingEvents;
import org.openhotline.telephony.sip.SipLeg;

/**
 * Turns what the signalling layer reports into engine state and call-center events: tracks new legs in
 * the mixer, starts the number's IVR flow, and on a hang-up stops recordings and releases a call that has
 * only one speaker left (a two-party call ends as a whole).
 */
final class CallLifecycle implements SignallingEvents {
    private final TelephonyEngine engine;
    private final LiveLegs legs;
    private final Mixer mixer;
    private final Events events;
    private final Recordings recordings;
    private final FlowRepository flows;
    private final IvrRunner ivr;

    CallLifecycle(TelephonyEngine engine, LiveLegs legs, Mixer mixer, Events events, Recordings recordings,
                  FlowRepository flows, IvrRunner ivr) {
        this.engine = engine;
        this.legs = legs;
        this.mixer = mixer;
        this.events = events;
        this.recordings = recordings;
        this.flows = flows;
        this.ivr = ivr;
    }

    /** Forgets a leg whose INVITE could not be sent (nothing was tracked if {@code a} is null). */
    void untrack(ActiveLeg a) {
        if (a != null && legs.remove(a.id.value()) != null) {
            mixer.remove(a.sip.media);
        }
    }

    ActiveLeg track(SipLeg leg) {
        ActiveLeg a = new ActiveLeg(leg);
        legs.put(a);
        leg.media.onDigit(d -> digit(leg, d));
        mixer.add(leg.media);
        return a;
    }

    @Override
    public void arrived(SipLeg leg) {
        ActiveLeg a = track(leg);
        events.emit(new CallArrived(a.id, leg.from, leg.to, leg.trunk));
        flows.forNumber(leg.to).ifPresent(flow -> ivr.start(a, flow));
    }

    @Override
    public void ringing(SipLeg leg) {
        events.emit(new Ringing(new LegId(leg.id)));
    }

    @Override
    public void answered(SipLeg leg) {
        events.emit(new Answered(new LegId(leg.id)));
    }

    @Override
    public void ended(SipLeg leg, EndCause cause) {
        ActiveLeg a = legs.remove(leg.id);
        if (a == null) return;
        recordings.legEnded(a);
        Room room = leg.media.room();
        mixer.remove(leg.media);
        List<ActiveLeg> kept = room != null ? leaveKept(room) : List.of();
        // this leg's end is reported before the ends it causes: the call center must learn who hung up first
        events.emit(new Ended(a.id, cause, TelephonyEngine.stats(a)));
        for (ActiveLeg k : kept) events.emit(new LeftAlone(k.id));
        if (room != null) releaseIfAlone(room);
    }

    /** Legs the call center keeps leave a finished call before its end is reported, with no keys pending. */
    private List<ActiveLeg> leaveKept(Room room) {
        if (room.members().stream().filter(m -> m.role() == Role.SPEAKER).count() > 1) return List.of();
        List<ActiveLeg> kept = new java.util.ArrayList<>();
        for (MediaLeg m : room.members()) {
            legs.find(m.id()).filter(l -> l.keepWhenAlone).ifPresent(k -> {
                room.leave(m);
                k.digits.clear(); // keys pressed from now on are for whatever the call center runs next
                kept.add(k);
            });
        }
        return kept;
    }

    /**
     * A room left with one speaker is a finished call: release everyone still in it, except legs the call
     * center keeps (a caller going on to the satisfaction survey), which only leave the room.
     */
    void releaseIfAlone(Room room) {
        List<MediaLeg> members = room.members();
        if (members.stream().filter(m -> m.role() == Role.SPEAKER).count() > 1) return;
        for (MediaLeg m : members) {
            room.leave(m);
            if (legs.find(m.id()).filter(l -> l.keepWhenAlone).isEmpty()) engine.hangup(new LegId(m.id()));
        }
    }

    @Override
    public void digit(SipLeg leg, char digit) {
        legs.find(leg.id).ifPresent(a -> {
            a.digits.offer(digit);
            events.emit(new DtmfReceived(a.id, digit));
            relay(leg, digit);
        });
    }

    /**
     * Passes a caller's digits on to legs in the same call that leave our platform (a trunk leg, e.g. a
     * transfer to another city's 12345 whose IVR wants them); agents' phones are not beeped at.
     */
    private void relay(SipLeg from, char digit) {
        Room room = from.media.room();
        if (room == null) return;
        for (MediaLeg m : room.members()) {
            if (m == from.media || m.role() != Role.SPEAKER) continue;
            legs.find(m.id()).filter(o -> !o.sip.inbound && !"extension".equals(o.sip.trunk))
                    .ifPresent(o -> o.sip.media.sendDigit(digit));
        }
    }

    /** The phone put the call on hold by re-INVITE: the other parties hear music until it retrieves. */
    @Override
    public void transferRequested(SipLeg leg, String destination) {
        events.emit(new TelephonyEvent.TransferRequested(new LegId(leg.id), destination));
    }

    @Override
    public void attendedTransferRequested(SipLeg leg, SipLeg replaced) {
        events.emit(new TelephonyEvent.AttendedTransferRequested(new LegId(leg.id), new LegId(replaced.id)));
    }

    @Override
    public void holdChanged(SipLeg leg, boolean held) {
        Room room = leg.media.room();
        if (room == null) return;
        for (MediaLeg m : room.members()) {
            if (m == leg.media) continue;
            LegId other = new LegId(m.id());
            if (held) engine.hold(other);
            else engine.unhold(other);
        }
    }

    @Override
    public void registration(String extension, boolean registered) {
        events.emit(new ExtensionRegistration(extension, registered));
    }
}
