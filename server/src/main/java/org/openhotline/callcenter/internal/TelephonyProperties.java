package org.openhotline.callcenter.internal;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The SIP side of the platform ({@code hotline.sip.*}, env {@code HOTLINE_SIP_*}): where the engine listens,
 * the address phones and trunks should use, the RTP port range, and the carrier trunks.
 */
@ConfigurationProperties("hotline.sip")
record TelephonyProperties(boolean enabled, String bindAddress, String advertisedAddress, int port, int rtpMin,
                           int rtpMax, String hotlineNumber, boolean autoAnswer, List<TrunkProperties> trunks) {

    record TrunkProperties(String name, List<String> inboundNumbers, List<String> allowedAddresses, String username,
                           String password, String outboundHost, Integer outboundPort, String callerId) {}

    TelephonyProperties {
        trunks = trunks == null ? List.of() : trunks;
    }
}
