package org.openhotline.shared;

/**
 * The demo year of history is written (hotline.demo.history, first start): published in-process once the last
 * {@link DemoHistory} hook is done, which is after the platform is already serving (the year is written in the
 * background). What learns from history at start (the dispatch model) learns again on it; nothing persistent follows,
 * so it is a plain application event, not a module event of the publication registry: lost at a crash, its only
 * consequence is the nightly retraining doing the work instead.
 */
public record DemoHistoryWritten(long rows) {}
