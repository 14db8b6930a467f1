package org.openhotline.reporting.internal.assessment;

import java.util.Map;
import org.openhotline.shared.AuditableEvent;

/**
 * A KPI setting, exemption, scoring scheme or operator adjustment was changed; the audit module records it in the
 * same transaction. {@code action} such as {@code reporting.kpi-changed}, {@code target} such as
 * {@code kpi:answer-rate-20s}.
 */
public record AssessmentChanged(String action, String target, Map<String, Object> details) implements AuditableEvent {}
