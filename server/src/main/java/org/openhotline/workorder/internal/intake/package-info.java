/** Taking an order in (受理): the intake screen's endpoints, attachments and the demo city's orders. */
package org.openhotline.workorder.internal.intake;
