/** After the unit's reply: callback (回访), supervision (督办), follows and the supervisor's board. */
package org.openhotline.workorder.internal.callback;
