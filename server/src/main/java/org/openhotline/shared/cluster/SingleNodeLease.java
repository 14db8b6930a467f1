package org.openhotline.shared.cluster;

/** One node alone: it holds the lease for ever and fencing has nothing to fence. */
final class SingleNodeLease implements SingletonLease {

    private final String node;

    SingleNodeLease(String node) {
        this.node = node;
    }

    @Override
    public boolean held() {
        return true;
    }

    @Override
    public long epoch() {
        return 1;
    }

    @Override
    public void fence(long epoch) {
        // nobody else can hold it
    }

    @Override
    public String node() {
        return node;
    }
}
