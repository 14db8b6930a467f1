package org.openhotline.callcenter;

import org.openhotline.shared.AuditableEvent;

/** Someone listened to (downloaded) the recording of a call: role-checked and audited. */
public record RecordingPlayed(String callId) implements AuditableEvent {

    @Override
    public String action() {
        return "callcenter.recording-played";
    }

    @Override
    public String target() {
        return "call:" + callId;
    }
}
