/**
 * Hot topics (热点诉求): the categories and words of today's orders that rise against the same weekday of the four
 * previous weeks (this Tuesday against the four Tuesdays before it, so the weekly rhythm of the hotline does not
 * count as a rise), each with the orders behind it. Words come from the orders' titles and the start of their
 * content, segmented by Lucene's smartcn analyzer (the project's Chinese segmenter; HanLP is not a dependency).
 * The big screen's top categories come from here.
 */
package org.openhotline.reporting.internal.hottopics;
