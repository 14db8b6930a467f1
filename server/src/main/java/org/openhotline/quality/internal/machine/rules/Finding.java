package org.openhotline.quality.internal.machine.rules;

/** A moment a rule found in a call, before it is stored as a flag. Times are milliseconds into the recording. */
public record Finding(String rule, String severity, long startMs, long endMs, String detail) {}
