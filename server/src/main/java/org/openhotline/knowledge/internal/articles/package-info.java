/**
 * Articles and their review life: writing, review, publishing and unpublishing (上/下架), online revisions (在线修订) with
 * versions and their diff, the rich-text whitelist, templates, expiry reminders (到期提醒).
 */
package org.openhotline.knowledge.internal.articles;
