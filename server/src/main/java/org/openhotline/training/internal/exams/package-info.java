/**
 * Papers and exams (试卷与考试): papers with fixed questions or rules to draw them, exams open for a period, one timed
 * sitting per agent that submits itself when its time is up (on the next access or by the sweep), automatic grading
 * of objective questions, manual grading of short answers, and results.
 */
package org.openhotline.training.internal.exams;
