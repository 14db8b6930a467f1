package org.openhotline.telephony;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** What the engine reports to the call center. Past-tense facts about legs, delivered in order. */
public sealed interface TelephonyEvent {

    /** An inbound call reached the engine: from a trunk ({@code trunk} is its name) or an extension. */
    record CallArrived(LegId leg, String from, String to, String trunk) implements TelephonyEvent { }

    record DtmfReceived(LegId leg, char digit) implements TelephonyEvent { }

    /** The IVR flow finished; {@code outcome} is e.g. {@code queue:general}, {@code voicemail}, {@code hangup}. */
    record IvrFinished(LegId leg, String flowId, String outcome, Map<String, String> variables)
            implements TelephonyEvent { }

    record Ringing(LegId leg) implements TelephonyEvent { }

    record Answered(LegId leg) implements TelephonyEvent { }

    record Held(LegId leg) implements TelephonyEvent { }

    record Retrieved(LegId leg) implements TelephonyEvent { }

    record Bridged(LegId leg, LegId other) implements TelephonyEvent { }

    /** The leg is gone; {@code media} holds its final RTP counters (for the call record and quality). */
    record Ended(LegId leg, EndCause cause, MediaStats media) implements TelephonyEvent { }

    record RecordingReady(LegId leg, Path file, Duration duration) implements TelephonyEvent { }

    /**
     * A leg kept with {@code keepWhenAlone} lost the other party of its call (who hung up; that leg's
     * {@code Ended} came first). It is still up and hears nothing: the call center decides what follows.
     */
    record LeftAlone(LegId leg) implements TelephonyEvent { }

    /**
     * The phone on {@code leg} pressed its transfer key (SIP REFER): a blind transfer to {@code destination}. The
     * call center carries it out as its phone bar would and then ends it with {@link TelephonyEngine#referOutcome}
     * (the final NOTIFY); the engine has already accepted it (202, NOTIFY 100).
     */
    record TransferRequested(LegId leg, String destination) implements TelephonyEvent { }

    /**
     * The phone on {@code leg} asked for an attended transfer (REFER with Replaces): the party of {@code leg} is to be
     * joined with the party of {@code replaced}, the same phone's other leg (its consultation call). The engine has
     * accepted it (202, NOTIFY 100 Trying); the call center carries it out and answers with
     * {@link TelephonyEngine#referOutcome}.
     */
    record AttendedTransferRequested(LegId leg, LegId replaced) implements TelephonyEvent { }

    /** An extension registered ({@code registered}) or its registration ended or expired. */
    record ExtensionRegistration(String extension, boolean registered) implements TelephonyEvent { }
}
