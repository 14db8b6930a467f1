package org.openhotline.telephony.ivr;

import java.time.Instant;

/** Whether the hotline's agents are on duty at an instant (working hours and the holiday calendar). */
@FunctionalInterface
public interface BusinessHours {
    boolean isOpen(Instant at);

    BusinessHours ALWAYS = at -> true;
}
