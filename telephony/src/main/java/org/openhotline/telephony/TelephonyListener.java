package org.openhotline.telephony;

/** Receives engine events on one dedicated thread, in the order they happened. Must not block long. */
@FunctionalInterface
public interface TelephonyListener {
    void on(TelephonyEvent event);
}
