/**
 * What every module may use: domain errors answered as RFC 9457 problem details in Chinese, paging, the
 * injected clock, masking of citizens' numbers, Excel writing, sentence embeddings of Chinese text
 * ({@link org.openhotline.shared.TextEmbeddings}, offline, for semantic search and similar orders), and the
 * {@link org.openhotline.shared.AuditableEvent}
 * contract through which modules tell the audit trail what happened without calling it; and what lets several
 * nodes share one database ({@code shared.cluster}: the singletons' lease, table {@code cluster_lease}, and signals
 * between nodes). Open on purpose: it owns no business tables and depends on no module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.openhotline.shared;
