package org.openhotline.channels;

import java.time.Instant;

/**
 * A citizen asked the portal (or another channel) to confirm a phone number: the notification module sends
 * {@code code} by SMS. {@code purpose} says why (e.g. {@code FOLLOW_ORDER}, {@code QUERY}); {@code requestId} is
 * unique per request so that a redelivered event sends one SMS.
 */
public record PortalSmsCodeRequested(String requestId, String phone, String code, String purpose, Instant at) {}
