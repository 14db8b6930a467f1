package org.openhotline.identity;

import java.time.Instant;

/**
 * A staff login waits for its SMS code: the notification module sends {@code code} to {@code phone} (the account's
 * number on file). {@code requestId} is unique per code, so a redelivered event sends one SMS.
 */
public record StaffSmsCodeRequested(String requestId, long accountId, String phone, String code, Instant at) {}
