/**
 * The work-order side of the text channels (SMS, WeChat): the {@link org.openhotline.workorder.SmsCallbacks} facade,
 * which runs the ordinary intake, supplement and callback steps as the hotline center, so that an SMS survey answer
 * lands on the order exactly as an agent's phone callback does.
 */
package org.openhotline.workorder.internal.messaging;
