/** The question bank (题库): five kinds of question, categories and difficulty, automatic grading rules, Excel import. */
package org.openhotline.training.internal.questions;
