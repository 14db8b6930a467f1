/**
 * Files around an article: attachments (formats checked by name and by content), import from Excel and Word, export of
 * a column to Excel.
 */
package org.openhotline.knowledge.internal.files;
