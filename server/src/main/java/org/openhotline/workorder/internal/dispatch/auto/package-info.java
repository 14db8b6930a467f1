/**
 * 自动派单: a new order whose first suggestion the model is confident of — its calibrated chance of being right at or
 * above the threshold a manager set for the order's category or for all — is dispatched at intake without a
 * dispatcher, marked on the timeline and in the dispatch basis; a dispatcher can undo it while the unit has not
 * answered. Off by default: a wrong automatic dispatch costs the citizen a day, so the manager decides from the
 * validation curve (accuracy and share per threshold) and sees the live accuracy (returns and undos are misses).
 */
package org.openhotline.workorder.internal.dispatch.auto;
