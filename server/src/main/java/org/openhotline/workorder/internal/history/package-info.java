/**
 * The demo year of work orders (hotline.demo.history): orders across categories, districts and units with the mix a
 * real hotline has (direct replies, late dispatches and signings, returns, extensions, late replies, callbacks within
 * and after 24 h, dissatisfied callers and reopened orders, urges), each with its assignments, requests, callbacks and
 * timeline, deadlines from the business calendar, written by COPY into this module's tables. Orders still running at
 * the end of the period keep their state and get their timers, so lights move on as for any order.
 */
package org.openhotline.workorder.internal.history;
