package org.openhotline.shared.cluster;

/** A write under the lease found that another node took the lease over: the write is rolled back. */
public class LeaseLostException extends IllegalStateException {

    public LeaseLostException(String lease, String node, long epoch) {
        super("lease " + lease + " no longer held by " + node + " at epoch " + epoch);
    }
}
