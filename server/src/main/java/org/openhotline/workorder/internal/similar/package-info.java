/**
 * Likely duplicates and answers that miss the appeal, by meaning rather than shared words: open orders similar to
 * the appeal an agent is typing (same caller, nearby address, similar text within a time window), the dispatcher's
 * groups of likely duplicates to merge (并单), and the check of a unit's reply against the appeal (答非所问) shown to
 * the reviewer. Text is compared through sentence embeddings ({@link org.openhotline.shared.TextEmbeddings}) stored
 * per order in {@code wo_order_vector}.
 */
package org.openhotline.workorder.internal.similar;
