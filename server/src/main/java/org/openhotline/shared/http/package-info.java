/**
 * The HTTP edge of every module: whatever a client sends — broken JSON, a wrong content type, a multipart body
 * without boundary, a bad %-escape, a NUL byte, a body too large — is answered before it reaches a module, as an
 * RFC 9457 problem body in Chinese. Three layers, because a bad request can be refused by any of them: Spring MVC
 * ({@link org.openhotline.shared.ProblemAnswers}), the servlet error page ({@link ProblemErrorController}) and
 * Tomcat itself ({@link ProblemReportValve}).
 */
package org.openhotline.shared.http;
