package org.openhotline.quality;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What machine inspection (智能质检) found in a call, as the manual half reads it: the sampling plan's stratum
 * "machine-flagged calls" and the workbench's jumps to flagged moments. Machine inspection implements it as a bean;
 * until it does, {@link #NONE} stands in (callers take the bean through an {@code ObjectProvider}).
 */
public interface MachineFlags {

    /** A flagged moment: the rule, its Chinese label, where in the recording (seconds) and how serious. */
    record Flag(String callId, String rule, String label, double fromSecond, double toSecond, String severity) {}

    /** The flags of one call, in recording order. */
    List<Flag> ofCall(String callId);

    /** The calls answered in [from, to) that carry at least one flag. */
    Set<String> flaggedBetween(Instant from, Instant to);

    /** No machine inspection installed: nothing is flagged. */
    MachineFlags NONE = new MachineFlags() {
        @Override
        public List<Flag> ofCall(String callId) {
            return List.of();
        }

        @Override
        public Set<String> flaggedBetween(Instant from, Instant to) {
            return Set.of();
        }
    };
}
