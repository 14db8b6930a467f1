/** Deadlines of an order's stages from the business calendar, and the lights (红黄绿灯) the calendar's timers turn on. */
package org.openhotline.workorder.internal.timelimits;
