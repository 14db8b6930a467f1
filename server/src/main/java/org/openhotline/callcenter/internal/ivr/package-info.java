/**
 * What a call meets before the queue: the IVR flows kept in PostgreSQL and the number each runs
 * ({@link IvrFlows}), the working-hours condition on the business calendar ({@link WorkingHours}), the blacklist and
 * priority callers ({@link CallerListsFromDatabase}), and routing by called and caller number to a skill group
 * ({@link CallRouting}).
 */
package org.openhotline.callcenter.internal.ivr;
