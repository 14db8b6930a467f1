/**
 * The telephony engine: SIP signalling (JAIN-SIP) and our own RTP media engine, anchoring every call so
 * that IVR, recording, listening and barge-in work on any call. Plain Java, no Spring, so it can be tested
 * against real SIP peers (sipp, baresip) without an application context. The server's callcenter module
 * starts it and decides who gets which call; the engine only carries calls and reports what happens.
 *
 * <p>Start: {@code TelephonyEngine.builder(config).listener(l).extensions(dir).flows(repo).queues(q)
 * .businessHours(h).callerLists(c).clock(clock).start()}. Events ({@link org.openhotline.telephony.TelephonyEvent}):
 * call arrived, DTMF, IVR finished, ringing, answered, held/retrieved, bridged, ended (cause and RTP
 * counters), recording ready (path, duration), extension (un)registered — delivered in order on one thread.
 * Commands on {@link org.openhotline.telephony.TelephonyEngine}, by {@link org.openhotline.telephony.LegId}:
 * answer, earlyMedia, play, collect, bridge, hold/unhold, transfer, conference, monitor, whisper, barge,
 * record/stopRecording, originate (caller ID, auto-answer), hangup, runFlow. A call to a number that has
 * an IVR flow runs it by itself; the flow hands the caller to the call center's
 * {@link org.openhotline.telephony.ivr.QueueHandler}, which then originates to an agent and bridges.
 * A two-party call ends as a whole: when one side hangs up the engine releases the other.
 */
package org.openhotline.telephony;
