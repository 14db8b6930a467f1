package org.openhotline.workorder.internal.values;

/** A unit an order is dispatched to, as the organization tree knows it. */
public record UnitTarget(long unitId, String path, String name) {}
