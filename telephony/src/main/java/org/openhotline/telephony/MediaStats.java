package org.openhotline.telephony;

/** RTP counters of one leg, for supervision screens and tests. */
public record MediaStats(long packetsIn, long packetsOut, long echoesReceived, long framesLost, String codec) { }
