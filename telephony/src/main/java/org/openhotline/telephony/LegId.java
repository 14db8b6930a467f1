package org.openhotline.telephony;

/** Identifies one call leg (one SIP dialog anchored in the engine) in commands and events. */
public record LegId(String value) {
    @Override
    public String toString() {
        return value;
    }
}
