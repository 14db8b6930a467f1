/**
 * The bridge to the telephony library ({@code org.openhotline.telephony}): {@link TelephonyRuntime} starts the SIP/RTP
 * engine with the settings of {@link TelephonyProperties} ({@code hotline.telephony.*}: trunks, TLS/SRTP, ports) and
 * hands it to the rest of the call center through {@link Switchboard}, so that the listeners the engine needs do not
 * depend on the runtime in return. {@link TelephonyHealthReader} reports the engine's and the extensions' health.
 */
package org.openhotline.callcenter.internal.engine;
