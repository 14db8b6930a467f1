/**
 * Teams (班组): agents are grouped into teams, each with a leader. Teams belong to the call center rather than to
 * the organization tree because they group agents ({@code cc_agent}), not units or staff at large, and they exist
 * for the call center's own uses: the seat wall filtered and totalled by team, and a team leader's supervision
 * (listen, whisper, barge, force state) limited to the teams it leads when {@code cc_team_policy} says so (the
 * default). The structure is managed by the system administrator ({@code org:manage}), like the rest of the
 * organization's structure. {@link org.openhotline.callcenter.TeamChanged} carries each team's membership to the
 * audit trail and to reporting (KPIs grouped and filtered by team).
 */
package org.openhotline.callcenter.internal.teams;
