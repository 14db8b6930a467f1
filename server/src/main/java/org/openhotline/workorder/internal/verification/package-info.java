/**
 * Verification (工单核实): before replying, a unit records who verified the matter, when and how (on site, by phone,
 * from documents), with proof among the order's attachments (uploaded through the attachment endpoint, so the same
 * type sniffing and size limits apply). The reviewer reads it beside the reply; the manager can require it for
 * categories, and then a reply without one is refused.
 */
package org.openhotline.workorder.internal.verification;
