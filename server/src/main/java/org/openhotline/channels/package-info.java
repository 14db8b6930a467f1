/**
 * Channels (多渠道统一受理): the public citizen portal, the WeChat official account callback, online chat, e-mail and
 * the Open311 GeoReport v2 API. Every channel ends in the work-order intake with the same validation, idempotency
 * and data scope as a call. Owns the {@code ch_*} tables. Depends on workorder and callcenter through their public
 * APIs, on knowledge for public articles, on organization for regions and on calendar for response clocks. It sends
 * no SMS itself: it publishes events such as {@link org.openhotline.channels.PortalSmsCodeRequested} that the
 * notification module turns into messages. Online chat ({@code internal/chat}) routes through the call center's
 * {@code ChatDistribution} (the ACD's second medium) and publishes {@link org.openhotline.channels.ChatEvents} for the
 * reports' chat facts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Channels",
        allowedDependencies = {"workorder", "callcenter", "knowledge", "organization", "identity", "calendar", "shared"})
package org.openhotline.channels;
