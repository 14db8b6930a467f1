/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) at {@code /open311/v2}, JSON and XML: the appeal
 * categories as services, requests created with an API key an administrator issued (channel Open311接口, the same
 * intake as every channel), the 12345 states mapped to {@code open}/{@code closed} with Chinese status notes.
 * Errors come in the specification's error format, with Chinese descriptions.
 */
package org.openhotline.channels.internal.open311;
