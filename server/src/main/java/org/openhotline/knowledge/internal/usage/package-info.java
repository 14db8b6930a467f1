/**
 * Using knowledge: citations from work orders, views and citations for the hot ranking (热度排行), personal favourites and
 * notes (个人知识库).
 */
package org.openhotline.knowledge.internal.usage;
