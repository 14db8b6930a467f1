package org.openhotline.quality.internal.machine.rules;

import java.util.Map;

/** How often each rule's flags were confirmed by inspectors (implemented where the flags are kept). */
public interface RulePrecisions {

    record Precision(long flags, long confirmed, long dismissed, Double precision) {}

    Map<String, Precision> byRule();
}
