package org.openhotline.telephony;

import java.util.concurrent.LinkedBlockingQueue;
import org.openhotline.telephony.media.Recorder;
import org.openhotline.telephony.sip.SipLeg;

/** The engine's bookkeeping for a live leg: digits not yet consumed, and a running recording. */
final class ActiveLeg {
    final LegId id;
    final SipLeg sip;
    final LinkedBlockingQueue<Character> digits = new LinkedBlockingQueue<>();
    volatile Recorder recorder;
    volatile LegId recordedWith;
    /** Stays up when the other party of its call hangs up (see {@link TelephonyEngine#keepWhenAlone}). */
    volatile boolean keepWhenAlone;

    ActiveLeg(SipLeg sip) {
        this.id = new LegId(sip.id);
        this.sip = sip;
    }

    boolean ended() {
        return sip.isEnded();
    }
}
