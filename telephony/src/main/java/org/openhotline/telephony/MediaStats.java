package org.openhotline.telephony;

/**
 * RTP counters of one leg, for call records, supervision screens and tests. {@code echoesReceived} counts
 * packets that came back with our own SSRC (a peer echoing, or a loop) and {@code intactEchoes} those whose
 * payload matched what we sent; {@code framesLost} counts frames the jitter buffer declared lost or late.
 * {@code srtp} says the leg's media was SRTP; {@code srtpDropped} counts packets that failed its authentication or
 * replayed (plain RTP sent to a secure leg among them) and were never played.
 */
public record MediaStats(long packetsIn, long packetsOut, long echoesReceived, long intactEchoes, long framesLost,
                         String codec, boolean srtp, long srtpDropped) {

    public MediaStats(long packetsIn, long packetsOut, long echoesReceived, long intactEchoes, long framesLost,
                      String codec) {
        this(packetsIn, packetsOut, echoesReceived, intactEchoes, framesLost, codec, false, 0);
    }
}
