package org.openhotline.telephony;

/** Why a leg ended, from the SIP final response or the BYE that ended it. */
public enum EndCause {
    NORMAL_CLEARING,
    BUSY,
    NO_ANSWER,
    UNAVAILABLE,
    CANCELLED,
    REJECTED,
    MEDIA_MISMATCH,
    /** An answered leg sent no RTP for the configured media timeout: the phone or network is gone. */
    MEDIA_TIMEOUT,
    FAILED;

    public static EndCause ofStatusCode(int status) {
        return switch (status) {
            case 486, 600 -> BUSY;
            case 408 -> NO_ANSWER;
            case 480, 404, 410 -> UNAVAILABLE;
            case 487 -> CANCELLED;
            case 403, 603 -> REJECTED;
            case 488, 606 -> MEDIA_MISMATCH;
            default -> FAILED;
        };
    }
}
