/**
 * The automatic call distributor (ACD) and the skill groups it serves. {@link Acd} is plain Java — one lock, decisions
 * made when a call queues, an agent becomes ready or a deadline passes, never by polling — and is tested without
 * Spring ({@code AcdTest}). Around it: {@link SkillGroups} ({@code cc_skill_group}: routing strategy, overflow, queue
 * limits), {@link CallCenterConfiguration} wiring its scheduler and dispatcher threads, {@link AcdOutbox} and
 * {@link AcdDecisions} carrying its decisions out in order outside its lock, and {@link ChatDistributionByAcd}, which
 * lets web chats queue for the same agents through the same ACD.
 */
package org.openhotline.callcenter.internal.acd;
