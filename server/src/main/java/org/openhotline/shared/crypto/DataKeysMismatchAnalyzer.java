package org.openhotline.shared.crypto;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Prints a refused start as Spring Boot's "APPLICATION FAILED TO START" box with the description and the action in
 * Chinese, instead of a bean-creation stack trace the operator has to read to its last "Caused by".
 */
public class DataKeysMismatchAnalyzer extends AbstractFailureAnalyzer<DataKeysMismatch> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataKeysMismatch cause) {
        return new FailureAnalysis(cause.description(), cause.action(), cause);
    }
}
