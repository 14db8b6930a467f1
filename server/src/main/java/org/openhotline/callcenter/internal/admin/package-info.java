/**
 * The call-center administrator's side: the configuration screen's API (skill groups, agents and their skills,
 * routing by number, blacklist and priority callers, IVR flows bound to numbers) and the demo seed of groups and
 * agents. It only edits what the other folders own ({@code acd}, {@code agents}, {@code ivr}); no call rule lives here.
 */
package org.openhotline.callcenter.internal.admin;
