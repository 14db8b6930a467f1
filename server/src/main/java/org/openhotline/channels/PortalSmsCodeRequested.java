package org.openhotline.channels;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.openhotline.shared.crypto.PersonalData;

/**
 * A citizen asked the portal (or another channel) to confirm a phone number: the notification module sends the code
 * by SMS. {@code purpose} says why (e.g. {@code FOLLOW_ORDER}, {@code QUERY}); {@code requestId} is unique per request
 * so that a redelivered event sends one SMS.
 *
 * <p>The number and the code travel sealed ({@link PersonalData}, ADR 041): the event waits in the publication
 * registry ({@code event_publication}) until the listener has sent it, and a dump taken meanwhile must not show them.
 * Build it with {@link #of}; {@link #phone()} and {@link #code()} open them. The JSON names stay {@code phone} and
 * {@code code}, so an event written before sealing (plain values, which open as themselves) is still delivered.
 */
public record PortalSmsCodeRequested(String requestId, @JsonProperty("phone") String sealedPhone,
                                     @JsonProperty("code") String sealedCode, String purpose, Instant at) {

    public static PortalSmsCodeRequested of(String requestId, String phone, String code, String purpose, Instant at) {
        return new PortalSmsCodeRequested(requestId, PersonalData.seal(phone), PersonalData.seal(code), purpose, at);
    }

    public String phone() {
        return PersonalData.open(sealedPhone);
    }

    public String code() {
        return PersonalData.open(sealedCode);
    }
}
