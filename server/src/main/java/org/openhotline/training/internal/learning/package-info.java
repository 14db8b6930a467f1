/**
 * Learning (学习): the materials library (documents, videos, links, knowledge articles by id) with each agent's learning
 * record, hot-topic notices (热点培训) every agent must read and confirm within 24 hours with the list of who has not,
 * training sessions with attendance, and the month's figures: exam pass rate and training coverage against 95 %.
 */
package org.openhotline.training.internal.learning;
