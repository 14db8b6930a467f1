package org.openhotline.callcenter.internal.engine;

import java.util.List;
import org.openhotline.telephony.SrtpPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The SIP side of the platform ({@code hotline.sip.*}, env {@code HOTLINE_SIP_*}): where the engine listens,
 * the address phones and trunks should use, the RTP port range, and the carrier trunks; SIP over TLS ({@code tls})
 * and the SRTP policy of the agents' phones ({@code srtp}) and of each trunk (docs/admin-guide.md, SIP TLS 与 SRTP).
 */
@ConfigurationProperties("hotline.sip")
public record TelephonyProperties(boolean enabled, String bindAddress, String advertisedAddress, int port, int rtpMin,
                           int rtpMax, String hotlineNumber, boolean autoAnswer, List<TrunkProperties> trunks,
                           TlsProperties tls, SrtpPolicy srtp) {

    /**
     * {@code callerIdPassThrough} (主叫号码透传): the carrier accepts a number not the platform's own in From and
     * P-Asserted-Identity — the citizen's, when a call is handed over to 110/119/120/122. Off unless the carrier agreed.
     * {@code transport}: how calls reach the carrier, {@code udp} (default), {@code tcp} or {@code tls} (needs
     * {@code hotline.sip.tls.enabled}; the carrier's certificate is checked against {@code tls.trusted-certificates}).
     */
    record TrunkProperties(String name, List<String> inboundNumbers, List<String> allowedAddresses, String username,
                           String password, String outboundHost, Integer outboundPort, String callerId,
                           SrtpPolicy srtp, boolean callerIdPassThrough, String transport) {}

    /**
     * Blank certificate and PKCS#12: a self-signed certificate is made once in {@code <data-dir>/sip-tls}.
     * {@code trustedCertificates}: PEM file of the CAs (or self-signed certificates) of carriers reached over TLS;
     * blank means the JDK's public CAs.
     */
    record TlsProperties(boolean enabled, Integer port, String certificate, String privateKey, String pkcs12,
                         String pkcs12Password, String trustedCertificates) {}

    public TelephonyProperties {
        trunks = trunks == null ? List.of() : trunks;
        srtp = srtp == null ? SrtpPolicy.OPTIONAL : srtp;
    }
}
