package org.openhotline.workforce.internal.roster;

/** Agents to schedule in one half hour of the month ({@code slot} = day × 48 + half hour), and of them dialect speakers. */
public record SlotNeed(int slot, int needed, int dialect) {}
