package org.openhotline.callcenter;

import java.util.List;

/**
 * The telephony engine's health as the operations console sees it: carrier trunks (OPTIONS probe, registration),
 * agents' phones registered, RTP ports in use. Read-only; answers "not running" when telephony is off.
 */
public interface TelephonyHealth {

    boolean running();

    /** Trunks that have a carrier to probe (an outbound host); inbound-only trunks cannot be probed. */
    List<TrunkState> trunks();

    /** Enabled agents with an extension, and how many of those phones are registered now. */
    PhoneCount phones();

    /** Media legs open now (one RTP port each) against the ports the configured range holds. */
    PortUse rtpPorts();

    record TrunkState(String name, boolean up, boolean mustRegister, boolean registered) {}

    record PhoneCount(int known, int registered) {}

    record PortUse(int inUse, int capacity) {}
}
