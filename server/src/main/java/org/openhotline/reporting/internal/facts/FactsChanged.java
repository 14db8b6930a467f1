package org.openhotline.reporting.internal.facts;

/** A listener wrote facts: live screens refresh after its transaction commits. */
public record FactsChanged(String kind) {}
