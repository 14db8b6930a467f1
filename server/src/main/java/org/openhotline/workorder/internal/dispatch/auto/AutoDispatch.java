package org.openhotline.workorder.internal.dispatch.auto;

import java.util.List;
import java.util.Optional;
import org.openhotline.workorder.internal.dispatch.suggest.DispatchSuggestions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Decides whether a new order goes to a unit without a dispatcher: only when a threshold applies to its category,
 * the first suggestion is the model's (a 派单目录 rule is shown to the dispatcher, not followed blindly: its
 * accuracy is not what the threshold was set on) and its calibrated confidence reaches the threshold.
 */
@Component
public class AutoDispatch {

    private static final Logger log = LoggerFactory.getLogger(AutoDispatch.class);

    /** Dispatch to {@code unitId}: the first suggestion, with its calibrated confidence. */
    public record Decision(long unitId, double confidence, double threshold) {}

    private final AutoDispatchSettings settings;
    private final DispatchSuggestions suggestions;

    AutoDispatch(AutoDispatchSettings settings, DispatchSuggestions suggestions) {
        this.settings = settings;
        this.suggestions = suggestions;
    }

    public Optional<Decision> decide(List<Long> categoryPath, DispatchSuggestions.Request appeal) {
        Optional<Double> threshold = settings.thresholdFor(categoryPath);
        if (threshold.isEmpty()) {
            return Optional.empty();
        }
        DispatchSuggestions.Result result;
        try {
            result = suggestions.suggest(appeal);
        } catch (RuntimeException e) {
            // the order is taken either way; a dispatcher dispatches it by hand
            log.warn("No auto-dispatch, the suggestion failed: {}", e.toString());
            return Optional.empty();
        }
        if (result.suggestions().isEmpty()) {
            return Optional.empty();
        }
        DispatchSuggestions.Suggestion first = result.suggestions().getFirst();
        if (!"MODEL".equals(first.source()) || first.confidence() == null || first.confidence() < threshold.get()) {
            return Optional.empty();
        }
        return Optional.of(new Decision(first.unitId(), first.confidence(), threshold.get()));
    }
}
