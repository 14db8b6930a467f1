/**
 * The operator's side of the pipe (系统管理员, {@code config:manage}): counterparts and their keys, queues and
 * failures, dead letters retried or discarded (audited), refused requests, the copy of the cities' 上报, and the
 * daily reconciliation with each counterpart.
 */
package org.openhotline.exchange.internal.admin;
