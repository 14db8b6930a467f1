/**
 * Quality inspection (质检): score templates, sampling plans and inspection tasks, the inspection workbench, feedback,
 * appeals and second inspection (二次质检), calibration between inspectors, and machine inspection (智能质检) of every
 * recorded call — acoustic rules on the stereo recordings, call-record rules and text rules on transcripts. Owns the
 * {@code qc_*} tables. Depends on the call center and work orders through their public APIs and events (the call
 * being inspected, its recording, the order behind it), on organization and identity for inspectors, agents and
 * teams, and on calendar for appeal deadlines in working days.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Quality inspection",
        allowedDependencies = {"callcenter", "workorder", "organization", "identity", "calendar", "shared"})
package org.openhotline.quality;
