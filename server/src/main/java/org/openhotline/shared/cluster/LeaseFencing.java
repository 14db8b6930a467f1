package org.openhotline.shared.cluster;

import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Fencing for every transaction a leased job begins, without touching the job: right before the commit the lease row
 * is locked shared and its epoch checked ({@link SingletonLease#fence}); a stale epoch rolls the transaction back.
 * Spring Boot hands every {@link TransactionExecutionListener} bean to the transaction manager. Statements a job runs
 * outside a transaction (auto-commit) are not fenced: such jobs call {@link SingletonLease#fence} in a transaction.
 */
public final class LeaseFencing implements TransactionExecutionListener {

    private final SingletonLease lease;

    public LeaseFencing(SingletonLease lease) {
        this.lease = lease;
    }

    @Override
    public void afterBegin(TransactionExecution transaction, Throwable beginFailure) {
        Long epoch = LeaseScope.current();
        if (beginFailure != null || epoch == null || !transaction.isNewTransaction()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                if (!readOnly) {
                    lease.fence(epoch);
                }
            }
        });
    }
}
