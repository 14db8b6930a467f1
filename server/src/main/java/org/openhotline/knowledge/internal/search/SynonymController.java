package org.openhotline.knowledge.internal.search;

import jakarta.validation.constraints.Size;
import jakarta.validation.Valid;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.openhotline.knowledge.KnowledgeChanged;
import org.openhotline.shared.Callers;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The synonym list, editable by knowledge editors; effective on the next search. */
@RestController
@RequestMapping("/api/knowledge/synonyms")
@Tag(name = "知识检索", description = "全文检索、热度排行、查无信息")
class SynonymController {

    private final Synonyms synonyms;
    private final ApplicationEventPublisher events;

    SynonymController(Synonyms synonyms, ApplicationEventPublisher events) {
        this.synonyms = synonyms;
        this.events = events;
    }

    record Form(@Size(max = 50, message = "一组同义词不超过 50 个词") List<@Size(max = 30, message = "每个词不超过 30 个字") String> terms) {}

    @GetMapping
    List<Synonyms.Group> list() {
        return synonyms.list();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('knowledge:edit')")
    @Operation(summary = "新增同义词组")
    Synonyms.Group create(@Valid @RequestBody Form form) {
        var g = synonyms.save(null, form.terms() == null ? List.of() : form.terms(), Callers.required().username());
        events.publishEvent(new KnowledgeChanged("synonym", g.id(), "saved", Map.of("terms", g.terms())));
        return g;
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('knowledge:edit')")
    Synonyms.Group update(@PathVariable long id, @Valid @RequestBody Form form) {
        var g = synonyms.save(id, form.terms() == null ? List.of() : form.terms(), Callers.required().username());
        events.publishEvent(new KnowledgeChanged("synonym", id, "saved", Map.of("terms", g.terms())));
        return g;
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('knowledge:edit')")
    void delete(@PathVariable long id) {
        synonyms.delete(id);
        events.publishEvent(new KnowledgeChanged("synonym", id, "deleted", Map.of()));
    }
}
