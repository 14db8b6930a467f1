package org.openhotline.telephony.ivr;

import java.util.Optional;

/**
 * Where flows come from. The server keeps them in PostgreSQL (JSON, editable through its API) and
 * implements this; {@link ClasspathFlows} serves the shipped defaults.
 */
public interface FlowRepository {
    Optional<Flow> find(String flowId);

    /** The flow that answers calls to a number (e.g. 12345), if the number has one. */
    Optional<Flow> forNumber(String calledNumber);
}
