package org.openhotline.knowledge;

import java.time.Instant;

/**
 * A knowledge error report (知识纠错) was filed, accepted, rejected or fixed. {@code status} is OPEN, ACCEPTED,
 * REJECTED or FIXED; {@code fixedAt} is when the revision fixing the article was published (FIXED only). Reporting
 * computes 知识库更新及时率 from these.
 */
public record KnowledgeErrorReportChanged(long reportId, long articleId, String status, Instant reportedAt,
                                          Instant fixedAt) {}
