/** The extractive answer assistant (智能问答助手): quotes the passages of published articles that answer a question. */
package org.openhotline.knowledge.internal.assistant;
