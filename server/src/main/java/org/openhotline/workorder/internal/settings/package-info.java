/** Work-order settings the manager sets: the callback rule for unreachable citizens, units seeing full numbers. */
package org.openhotline.workorder.internal.settings;
