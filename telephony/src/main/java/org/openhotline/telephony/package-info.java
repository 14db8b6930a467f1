/**
 * The telephony engine: SIP signalling and the RTP media engine that anchors every call. Plain Java, no
 * Spring, so that it can be tested against real SIP peers without an application context. The server's
 * callcenter module starts it and decides who gets which call; this engine only carries calls and reports
 * what happens.
 */
package org.openhotline.telephony;
