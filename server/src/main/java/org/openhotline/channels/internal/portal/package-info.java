/**
 * The citizen portal (市民门户): public endpoints under {@code /api/portal} with no staff login — a captcha and
 * rate limits in front of every write, phone numbers confirmed by SMS codes (sent by the notification module on
 * {@code PortalSmsCodeRequested}), receipts with a query code, progress queries, 好差评 ratings and reopen requests
 * handed to the work-order module through {@code PortalOrders}; public knowledge and typical cases.
 */
package org.openhotline.channels.internal.portal;
