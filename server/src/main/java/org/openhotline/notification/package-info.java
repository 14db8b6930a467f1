/**
 * Notification (消息通知): outgoing and incoming SMS through gateway adapters (CMPP 2.0/3.0, a generic HTTPS
 * gateway), message templates with variables, a durable outbox written in the transaction of the step that causes a
 * message, delivery reports, retries, rate limits and opt-out; SMS callback surveys and incoming SMS that become
 * appeals or supplements. Owns the {@code ntf_*} tables. Listens to work-order and channel events; depends on
 * workorder through its public API, on organization for units' handlers and on calendar for reminders.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification",
        allowedDependencies = {"workorder", "channels", "organization", "identity", "calendar", "shared"})
package org.openhotline.notification;
