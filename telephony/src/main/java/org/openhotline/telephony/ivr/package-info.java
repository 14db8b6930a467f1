/**
 * IVR flows as data: a {@link org.openhotline.telephony.ivr.Flow} of steps (play, menu, collect,
 * condition, set, queue, transfer, voicemail, hangup) parsed from JSON by
 * {@link org.openhotline.telephony.ivr.FlowParser}, and an interpreter that walks a caller through it on the
 * caller's own virtual thread. The call center supplies where flows live ({@code FlowRepository}), working
 * hours ({@code BusinessHours}), the blacklist and priority list ({@code CallerLists}) and the queue
 * ({@code QueueHandler}); the IVR itself decides nothing about agents.
 */
package org.openhotline.telephony.ivr;
