package org.openhotline.telephony;

import java.util.Set;

/**
 * A carrier trunk or SBC. Inbound calls to one of {@code inboundNumbers} are accepted from
 * {@code allowedAddresses} without a challenge, or from anywhere that answers a digest challenge for
 * {@code username}/{@code password}. Outbound calls go to {@code outboundHost}:{@code outboundPort} and
 * present {@code callerId} (e.g. 077112345) unless a command names another; a carrier's challenge is
 * answered with the same account. With {@code registerSeconds} > 0 the engine also registers that account
 * with the carrier (IMS trunks want this). Trunks with an outbound host are probed with OPTIONS.
 * {@code callerIdPassThrough} (主叫号码透传) says the carrier lets the platform present a number that is not its
 * own — a citizen's, when a call is handed over to 110 — sent in From and P-Asserted-Identity; carriers without that
 * agreement replace or refuse such a number, so by default only the trunk's own {@code callerId} is offered.
 * {@code transport} is how calls, probes and registrations reach the carrier: "udp" (the default), "tcp" or "tls"
 * (SIP over TLS to a carrier whose certificate the engine's trust store vouches for; docs/adr/060-sip-tls-and-srtp.md).
 */
public record Trunk(String name, Set<String> inboundNumbers, Set<String> allowedAddresses, String username,
                    String password, String outboundHost, int outboundPort, String callerId, int registerSeconds,
                    boolean callerIdPassThrough, String transport) {

    public Trunk {
        transport = transport == null || transport.isBlank() ? "udp" : transport.strip().toLowerCase(java.util.Locale.ROOT);
        if (!Set.of("udp", "tcp", "tls").contains(transport)) {
            throw new IllegalArgumentException("trunk " + name + ": transport must be udp, tcp or tls, not " + transport);
        }
    }

    public Trunk(String name, Set<String> inboundNumbers, Set<String> allowedAddresses, String username,
                 String password, String outboundHost, int outboundPort, String callerId, int registerSeconds,
                 boolean callerIdPassThrough) {
        this(name, inboundNumbers, allowedAddresses, username, password, outboundHost, outboundPort, callerId,
                registerSeconds, callerIdPassThrough, "udp");
    }

    public Trunk(String name, Set<String> inboundNumbers, Set<String> allowedAddresses, String username,
                 String password, String outboundHost, int outboundPort, String callerId, int registerSeconds) {
        this(name, inboundNumbers, allowedAddresses, username, password, outboundHost, outboundPort, callerId,
                registerSeconds, false);
    }

    public Trunk(String name, Set<String> inboundNumbers, Set<String> allowedAddresses, String username,
                 String password, String outboundHost, int outboundPort, String callerId) {
        this(name, inboundNumbers, allowedAddresses, username, password, outboundHost, outboundPort, callerId, 0, false);
    }

    public boolean accepts(String number) {
        return inboundNumbers.contains(number);
    }

    public boolean allows(String address) {
        return allowedAddresses.contains(address);
    }

    /** The same trunk reached over {@code transport} ("udp", "tcp" or "tls"). */
    public Trunk withTransport(String transport) {
        return new Trunk(name, inboundNumbers, allowedAddresses, username, password, outboundHost, outboundPort,
                callerId, registerSeconds, callerIdPassThrough, transport);
    }

    public boolean overTls() {
        return "tls".equals(transport);
    }

    public boolean hasOutbound() {
        return outboundHost != null && !outboundHost.isBlank();
    }
}
