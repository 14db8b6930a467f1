/**
 * Recordings under control (004 "播放通话录音、删除通话录音"). Deleting one recording takes two people: one asks with a
 * reason, another holding {@code recording:delete} approves (never the one who asked); then the file leaves storage
 * and the call record keeps the fact — when, approved by whom — while the request keeps the reason and the asker.
 * Retention rules per call direction (inbound, outbound, internal; days, or none) remove old recordings on a
 * schedule read against the injected clock; each sweep is written down with its counts and the bytes freed, which
 * the system administrator's screen shows. Everything is audited. Lives in its own folder so that it does not touch
 * the call legs and records it reads: it only clears {@code cc_call.recording_path} and sets the removal columns.
 * At start-up {@link LeftoverRecordings} seals the recordings a crash left in plain WAV (ADR 041).
 */
package org.openhotline.callcenter.internal.recordings;
