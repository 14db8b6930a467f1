/**
 * What flows through the pipe: our orders' steps out (上报 to the province, transfers to the province, a city or
 * 110, results back to whoever handed us an order, evaluations to 好差评), and what incoming messages do to our
 * orders. The links between our orders and the counterparts' order keys live here.
 */
package org.openhotline.exchange.internal.flows;
