/** Knowledge questions (知识提问): routed to a unit, answered within working days, turned into an article by an editor. */
package org.openhotline.knowledge.internal.questions;
