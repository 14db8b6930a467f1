package org.openhotline.telephony;

/**
 * Whether calls of a trunk or of the agents' phones use SRTP (RFC 3711, keys by SDES RFC 4568). SDES keys travel in
 * the SDP, so they are only exchanged when the INVITE came over TLS: a key sent over UDP or TCP is public.
 * <ul>
 *   <li>{@link #REQUIRED}: only SRTP; an offer without a usable key, or not over TLS, gets 488 Not Acceptable Here,
 *       and calls we place offer RTP/SAVP only.</li>
 *   <li>{@link #OPTIONAL}: SRTP when the peer offers a key over TLS, plain RTP otherwise.</li>
 *   <li>{@link #OFF}: plain RTP only; an RTP/SAVP offer gets 488, a key offered alongside RTP/AVP is ignored.</li>
 * </ul>
 */
public enum SrtpPolicy {
    REQUIRED, OPTIONAL, OFF;

    /** What to do with an offer: answer with SRTP, answer plain, or refuse (488). */
    public enum Outcome { SRTP, PLAIN, REFUSE }

    /**
     * @param offersKey   the offer carries an a=crypto line we can use
     * @param savpProfile the offer's m= line says RTP/SAVP (SRTP only, no fallback)
     * @param overTls     the INVITE arrived over TLS
     */
    public Outcome decide(boolean offersKey, boolean savpProfile, boolean overTls) {
        boolean usable = offersKey && overTls;
        return switch (this) {
            case REQUIRED -> usable ? Outcome.SRTP : Outcome.REFUSE;
            case OPTIONAL -> usable ? Outcome.SRTP : savpProfile ? Outcome.REFUSE : Outcome.PLAIN;
            case OFF -> savpProfile ? Outcome.REFUSE : Outcome.PLAIN;
        };
    }
}
