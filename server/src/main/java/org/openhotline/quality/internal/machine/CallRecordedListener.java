package org.openhotline.quality.internal.machine;

import org.openhotline.callcenter.CallRecorded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Every recorded call is inspected by machine once its recording is on record (ADR 004: delivered after the call
 * center's commit, again after a restart if it failed; the analysis replaces its own earlier result).
 */
@Component
class CallRecordedListener {

    private final MachineInspection inspection;

    CallRecordedListener(MachineInspection inspection) {
        this.inspection = inspection;
    }

    @ApplicationModuleListener
    void on(CallRecorded recorded) {
        inspection.analyse(recorded.callId());
    }
}
