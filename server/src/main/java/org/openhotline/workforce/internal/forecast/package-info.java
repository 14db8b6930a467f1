/**
 * The call forecast (话务预测): calls offered and handling time per half hour, learned from the call center's call
 * history ({@code rpt_source_call}) with the business calendar's day kinds (working weekday, weekend, holiday, make-up
 * day), a damped trend and the manager's event adjustments (a policy change, a typhoon), and its accuracy on the last
 * four weeks held out against a seasonal-naive baseline.
 */
package org.openhotline.workforce.internal.forecast;
