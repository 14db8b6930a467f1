/** The small value types of a work order: channel, appeal type, urgency, states, roles, platforms, satisfaction grades, actors and unit targets. */
package org.openhotline.workorder.internal.values;
