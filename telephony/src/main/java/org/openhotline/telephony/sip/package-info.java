/**
 * SIP on JAIN-SIP: one stack per engine listening on UDP and TCP, a registrar with digest authentication
 * for agent phones, admission of inbound calls from trunks (address allow list or digest) and extensions,
 * and the dialer for outbound legs. This is the signalling half of a back-to-back user agent: every leg
 * terminates here and gets its own {@link org.openhotline.telephony.media.MediaLeg}, so media never flows
 * phone to phone. Every handler is wrapped so that malformed or hostile input is answered or dropped and
 * logged, never thrown into the stack.
 */
package org.openhotline.telephony.sip;
