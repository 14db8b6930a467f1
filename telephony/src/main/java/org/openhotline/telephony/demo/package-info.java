/**
 * A stand-alone demo switch around the engine, for pointing real phones and a trunk at it before the
 * server exists or without it. Not used by the server.
 */
package org.openhotline.telephony.demo;
