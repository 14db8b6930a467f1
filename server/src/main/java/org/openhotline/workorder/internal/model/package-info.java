/** The work-order aggregate (order, assignments, units' requests), its repository, the intake factory, the step runner with the data scope, and the detail view read from the aggregate. */
package org.openhotline.workorder.internal.model;
