package org.openhotline.telephony;

import java.util.Set;

/**
 * A carrier trunk or SBC. Inbound calls to one of {@code inboundNumbers} are accepted from
 * {@code allowedAddresses} without a challenge, or from anywhere that answers a digest challenge for
 * {@code username}/{@code password}. Outbound calls go to {@code outboundHost}:{@code outboundPort} and
 * present {@code callerId} (e.g. 077112345) unless a command names another.
 */
public record Trunk(String name, Set<String> inboundNumbers, Set<String> allowedAddresses, String username,
                    String password, String outboundHost, int outboundPort, String callerId) {

    public boolean accepts(String number) {
        return inboundNumbers.contains(number);
    }

    public boolean allows(String address) {
        return allowedAddresses.contains(address);
    }

    public boolean hasOutbound() {
        return outboundHost != null && !outboundHost.isBlank();
    }
}
