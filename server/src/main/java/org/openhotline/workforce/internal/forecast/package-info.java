/**
 * The call forecast (话务预测): calls offered and handling time per half hour, learned from the call center's call
 * history ({@code rpt_source_call}) with a robust smoothed level, last year's season, the business calendar's breaks
 * by their place (the Spring Festival by its distance from 正月初一), make-up days and the manager's event adjustments
 * (a policy change, a typhoon), and its accuracy on the last four weeks held out against a seasonal-naive baseline.
 */
package org.openhotline.workforce.internal.forecast;
