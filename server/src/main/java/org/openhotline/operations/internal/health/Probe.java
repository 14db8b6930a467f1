package org.openhotline.operations.internal.health;

import java.time.Instant;
import java.util.List;

/** Reads one part's measures; a probe that throws shows its part as unknown, the others still answer. */
public interface Probe {

    /** The part's name on the console (数据库, 磁盘, …). */
    String part();

    List<Measure> measure(Instant now) throws Exception;
}
