/**
 * The work-order side of the exchange: {@link org.openhotline.workorder.ExchangeOrders} for the exchange module
 * (orders from and to other platforms, their steps on our timeline) and the deadlines another platform set for an
 * order it handed us, which bound every assignment made for it.
 */
package org.openhotline.workorder.internal.exchange;
