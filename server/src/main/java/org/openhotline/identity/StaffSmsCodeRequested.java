package org.openhotline.identity;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.openhotline.shared.crypto.PersonalData;

/**
 * A staff login waits for its SMS code: the notification module sends the code to the account's number on file.
 * {@code requestId} is unique per code, so a redelivered event sends one SMS.
 *
 * <p>The number and the code travel sealed ({@link PersonalData}, ADR 041): the event waits in the publication
 * registry ({@code event_publication}) until it is sent, and a dump taken meanwhile must show neither a phone number
 * nor a code that would pass the second factor. Build it with {@link #of}; {@link #phone()} and {@link #code()} open
 * them. The JSON names stay {@code phone} and {@code code}, so an event written before sealing is still delivered.
 */
public record StaffSmsCodeRequested(String requestId, long accountId, @JsonProperty("phone") String sealedPhone,
                                    @JsonProperty("code") String sealedCode, Instant at) {

    public static StaffSmsCodeRequested of(String requestId, long accountId, String phone, String code, Instant at) {
        return new StaffSmsCodeRequested(requestId, accountId, PersonalData.seal(phone), PersonalData.seal(code), at);
    }

    public String phone() {
        return PersonalData.open(sealedPhone);
    }

    public String code() {
        return PersonalData.open(sealedCode);
    }
}
