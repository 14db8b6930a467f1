/**
 * Work orders (工单): intake from every channel, dispatch to a main unit and assisting units, workstation
 * re-dispatch, sign / return / extension / sub-unit handover / reply by units, reply review, callback, reopening,
 * difficult orders, urging, supplements, withdrawal, supervision, follows and merging of duplicates; search and
 * export. Owns the {@code work_order}, {@code wo_*} tables. Each step is one transaction that writes the order's
 * timeline and publishes a past-tense {@link org.openhotline.workorder.WorkOrderEvents} record. Depends on
 * organization (units and regions and their paths, for dispatch and data scope), calendar (time limits,
 * deadlines, the timers behind the lights) and shared; identity only through the logged-in principal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Work orders",
        allowedDependencies = {"calendar", "organization", "shared"})
package org.openhotline.workorder;
