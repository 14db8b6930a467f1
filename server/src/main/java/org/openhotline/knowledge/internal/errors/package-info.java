/**
 * 知识纠错: anyone who reads an article reports an error in it (wrong, out of date, unclear) with a note; the editors
 * of the article's column see the reports as a queue and accept one — which opens a revision of the article through
 * the ordinary revision flow — or reject it with a reason. When the revision is published every accepted report of
 * the article becomes fixed. The reporter follows its reports in "我的纠错" (the platform has no notification module
 * yet; the list with its status is how the reporter is told). 知识库更新及时率 (003: updated within 24 hours of a
 * notice) is the share of reports fixed within 24 h; {@link org.openhotline.knowledge.KnowledgeErrorReportChanged}
 * carries each step to reporting for the KPI {@code knowledge-update-timeliness}.
 */
package org.openhotline.knowledge.internal.errors;
