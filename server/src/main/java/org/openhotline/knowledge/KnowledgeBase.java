package org.openhotline.knowledge;

import org.openhotline.knowledge.internal.usage.Citations;
import org.openhotline.shared.StaffPrincipal;
import org.springframework.stereotype.Service;

/**
 * What other modules may ask of the knowledge base: cite an article from a work order (intake or a unit's reply).
 * The citation is counted for the hot ranking and the article's answer text comes back to be inserted.
 */
@Service
public class KnowledgeBase {

    private final Citations citations;

    KnowledgeBase(Citations citations) {
        this.citations = citations;
    }

    /** The answer to insert into the reply; refused when the caller may not read the article or it is not live. */
    public Citation cite(StaffPrincipal caller, long articleId, CitationContext context, String workOrderRef) {
        return citations.cite(caller, articleId, context, workOrderRef);
    }

    public enum CitationContext { INTAKE, UNIT_REPLY, OTHER }

    /** A citation as recorded: the article's revision at the time and the plain-text answer. */
    public record Citation(long citationId, long articleId, int revision, String title, String answer,
                           String sourcePolicy) {}
}
