/**
 * Our own media engine: RTP with G.711 (PCMU, PCMA) at 20 ms, RFC 4733 DTMF, a jitter buffer, symmetric
 * RTP, and one clocked {@link org.openhotline.telephony.media.Mixer} that plays prompts and music on hold,
 * bridges and conferences legs (with listen-only and whisper roles), records calls to stereo WAV and
 * detects silence. It knows nothing of SIP: the SIP layer creates a {@link
 * org.openhotline.telephony.media.MediaLeg} per call leg and wires it from the SDP. A leg is its RTP stream
 * ({@code RtpStream}, with the {@code EchoCheck} of our own stream coming back), what the platform plays to it and
 * the keys it presses ({@code LegAudio}), and its place in a {@link org.openhotline.telephony.media.Room}. All audio
 * passes one thread every 20 ms, which keeps legs in step and makes recording lengths exact.
 */
package org.openhotline.telephony.media;
