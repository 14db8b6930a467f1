/**
 * Training and exams (培训考试): the question bank (single and multiple choice, true/false, fill-in, short answer) with
 * categories and difficulty and its Excel import, papers fixed or drawn by rules, timed exams with one sitting per
 * agent that submit themselves at time-out, automatic grading plus manual grading of short answers, results and the
 * monthly pass rate and training coverage (seed 002's ≥ 95 % targets), the materials library with learning records,
 * hot-topic notices every agent must read and confirm within 24 hours (seed 003), and sessions with attendance. Owns
 * the {@code tr_*} tables; depends on identity for the agents who must be trained.
 * Inside, {@code internal} is grouped by sub-domain: {@code questions}, {@code exams} (papers, sittings, grading,
 * results) and {@code learning} (materials, notices, sessions, the monthly figures).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Training",
        allowedDependencies = {"identity", "shared"})
package org.openhotline.training;
