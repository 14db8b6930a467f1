/**
 * Units' appeals (工单申诉): a handling unit contests a judgment counted against it — a dissatisfied callback, a
 * misdirected order that ran over its deadline, a late sign the hotline caused — within the working days the
 * manager allows after the judgment; the supervisor (督办专员) upholds, rejects or escalates, the manager decides
 * what is escalated. Each step is on the order's timeline (through {@code OrderSteps}) and published as a
 * {@code WorkOrderEvents.Appeal*} event, audited; reporting takes an upheld appeal's order out of the KPI named.
 */
package org.openhotline.workorder.internal.appeals;
