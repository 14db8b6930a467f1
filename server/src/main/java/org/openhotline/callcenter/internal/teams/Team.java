package org.openhotline.callcenter.internal.teams;

import java.util.List;
import org.openhotline.shared.DomainException;

/** A team with its leader and its agents (account ids). */
public record Team(long id, String name, Long leaderId, String leaderName, List<Long> members, int version) {

    static final int MAX_NAME = 30;

    /** The name as stored, or a refusal a user understands. */
    static String checkedName(String name) {
        if (name == null || name.isBlank()) {
            throw DomainException.invalid("请填写班组名称");
        }
        if (name.strip().length() > MAX_NAME) {
            throw DomainException.invalid("班组名称不超过 " + MAX_NAME + " 个字");
        }
        return name.strip();
    }
}
