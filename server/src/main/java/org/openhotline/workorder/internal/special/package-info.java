/**
 * Special orders (特殊单审核): rules the manager edits (confidential, keywords for leaders, media or mass incidents,
 * a caller calling more than N times) flag an order when it is taken; a flagged order needs a second review —
 * approved with a reason by someone other than who took the first step — before it is dispatched and again before
 * it is closed, and the person who dispatches or closes it cannot be its second reviewer.
 */
package org.openhotline.workorder.internal.special;
