/**
 * Knowledge base (知识库): a category tree with tiered access (public, internal, a unit's own private base), articles
 * written, reviewed, published and unpublished with every revision kept, Chinese full-text search on Apache Lucene
 * (smartcn words plus CJK bigrams, synonyms, highlighting) fused with search by meaning (sentence embeddings in a
 * Lucene vector field, stored in {@code kb_article_vector}) over an index rebuilt from PostgreSQL, hot ranking,
 * citations from work orders, personal favourites and notes, questions routed to units, and an extractive answer
 * assistant that abstains when the base has no answer. Owns the {@code kb_*} tables and the index under
 * {@code data-dir/index/knowledge}; other modules cite
 * articles through {@link org.openhotline.knowledge.KnowledgeBase}. Publishes
 * {@link org.openhotline.knowledge.KnowledgeChanged} for the audit trail. Depends on organization (questions are
 * routed to units and the yellow pages are searched from the same box) and on the calendar's
 * {@link org.openhotline.calendar.BusinessCalendar} (a question's deadline is counted in working days).
 * <p>
 * Inside, {@code internal} is grouped by sub-domain: {@code articles} (the article, its review, revisions and
 * versions), {@code files} (attachments, Excel and Word), {@code categories} (the column tree and its rights),
 * {@code search} (analysis, queries, synonyms, highlighting, the Lucene index), {@code questions} (知识提问),
 * {@code usage} (citations, hot ranking, favourites), {@code assistant} (the answer assistant), {@code errors}
 * (知识纠错, publishing {@link org.openhotline.knowledge.KnowledgeErrorReportChanged} for 知识库更新及时率) and
 * {@code demo}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Knowledge",
        allowedDependencies = {"calendar", "organization", "shared"})
package org.openhotline.knowledge;
