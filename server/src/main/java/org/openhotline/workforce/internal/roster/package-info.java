/**
 * Rosters (排班): shift templates (早/中/晚/夜), agents' rostering profiles (skills such as the dialect desk, hours per
 * week and month, whether they work nights), a month's half-hour needs from the forecast, the solver (Timefold Solver:
 * hard rules, then coverage of the needs, then fairness and wishes), the same rules checked on every manual edit,
 * leave, wished days off and swaps with approval, publishing, and each agent's own shifts.
 */
package org.openhotline.workforce.internal.roster;
