/**
 * Full-text search on Lucene: Chinese analysis, query building, synonyms, highlighting, the index and the documents it
 * holds, searches that found nothing (查无信息); search by meaning beside it (article vectors, their background
 * computation, the fusion of both rankings).
 */
package org.openhotline.knowledge.internal.search;
