/**
 * Exchange (数据交换): the one reliable pipe between this platform and others — the provincial 12345 platform
 * (either side: an installation is a city or the province), the 110 police platform, 好差评 and the 一体化 platform.
 * Outgoing messages are written to the outbox in the transaction of the step that causes them, incoming ones are
 * stored in the inbox before they are acknowledged; each carries an idempotency key, a sequence per order, a
 * signature (HMAC-SHA-256 or SM3-HMAC, keys per counterpart) and a schema version (ADR 015). Owns the {@code ex_*}
 * tables. Depends on workorder (its {@code ExchangeOrders} facade and events), organization and calendar (for
 * the orders it creates and the rectification deadlines), and shared.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Exchange",
        allowedDependencies = {"workorder", "organization", "calendar", "identity", "shared"})
package org.openhotline.exchange;
