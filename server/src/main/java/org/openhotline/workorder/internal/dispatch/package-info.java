/** The hotline's dispatch and review steps and the units' handling steps (sign, return, extension, hand-over, re-dispatch, reply). */
package org.openhotline.workorder.internal.dispatch;
