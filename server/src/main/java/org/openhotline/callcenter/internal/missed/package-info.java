/**
 * Missed-call callbacks (漏接回拨, 国办函〔2025〕66号). Every caller who hung up in the queue or while an agent's phone
 * rang, whose wait ran out, who left a voicemail (留言), or — when {@code hotline.callcenter.missed.include-ivr-abandons}
 * is on — who hung up in the IVR right after choosing a service, gets one callback task per number and day. The task
 * closes by itself when that number gets through to an agent later the same day or is reached by a callback; else
 * agents claim it at the desk (one at a time), call back with the hotline's caller ID through the phone bar's outbound
 * path and record each try, until reached or — after {@code max-attempts} unsuccessful tries — unreachable. The lists
 * 未接来电 / 电话留言 / 漏话 show each call with its task, the callback rate and the time to callback. The tasks are
 * fed by the call center's own events through the event publication registry, so a restart loses none; they publish
 * {@link org.openhotline.callcenter.MissedCallEvents} for reporting.
 */
package org.openhotline.callcenter.internal.missed;
