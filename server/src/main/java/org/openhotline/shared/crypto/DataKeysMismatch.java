package org.openhotline.shared.crypto;

/** This node's personal-data keys are not the database's ({@link DataKeyCheck}): what differs, and what to do. */
public class DataKeysMismatch extends IllegalStateException {

    private final String action;

    DataKeysMismatch(String description, String action) {
        super(description + "：" + action);
        this.action = action;
    }

    String description() {
        return getMessage().substring(0, getMessage().length() - action.length() - 1);
    }

    String action() {
        return action;
    }
}
