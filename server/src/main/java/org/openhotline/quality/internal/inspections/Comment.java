package org.openhotline.quality.internal.inspections;

/** A comment at a moment of the recording ({@code at} seconds from its start; null: about the whole call). */
public record Comment(Double at, String text, String by) {}
