package org.openhotline.callcenter.internal.engine;

import org.openhotline.telephony.TelephonyEngine;
import org.springframework.stereotype.Component;

/**
 * The running telephony engine, for everyone in the call center that commands legs. {@link TelephonyRuntime}
 * starts the engine and puts it here; the call flow, the phone bar and the rest only read it. Kept apart so that
 * the engine's listeners (which the runtime needs to start it) do not depend on the runtime in return.
 */
@Component
public class Switchboard {

    private final TelephonyProperties properties;
    private volatile TelephonyEngine engine;

    Switchboard(TelephonyProperties properties) {
        this.properties = properties;
    }

    public TelephonyEngine engine() {
        TelephonyEngine e = engine;
        if (e == null) {
            throw new IllegalStateException("telephony is not running (hotline.sip.enabled=false)");
        }
        return e;
    }

    public boolean running() {
        return engine != null;
    }

    /** Soft off-hook (软摘机): agent phones are asked to answer by themselves; the agent takes calls at the desk. */
    public boolean autoAnswer() {
        return properties.autoAnswer();
    }

    void started(TelephonyEngine engine) {
        this.engine = engine;
    }

    /** The engine is going away; returns it for closing. */
    TelephonyEngine stopped() {
        TelephonyEngine e = engine;
        engine = null;
        return e;
    }
}
