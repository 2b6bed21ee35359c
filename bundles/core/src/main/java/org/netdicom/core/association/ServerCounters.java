package org.netdicom.core.association;

import java.util.concurrent.atomic.LongAdder;

/**
 * What a server has served since it started, for the runtime report: counted on the data path with
 * {@link LongAdder}s (no lock, no contention between associations), read only when asked.
 */
public final class ServerCounters {

    final LongAdder accepted = new LongAdder();
    final LongAdder rejected = new LongAdder();
    final LongAdder aborted = new LongAdder();
    final LongAdder messagesReceived = new LongAdder();

    /** Associations accepted (A-ASSOCIATE-AC sent). */
    public long accepted() {
        return accepted.sum();
    }

    /** Associations rejected (A-ASSOCIATE-RJ sent). */
    public long rejected() {
        return rejected.sum();
    }

    /** Established associations that ended by an A-ABORT (either side) or a lost connection. */
    public long aborted() {
        return aborted.sum();
    }

    /** DIMSE messages received on the server's associations (requests and responses). */
    public long messagesReceived() {
        return messagesReceived.sum();
    }
}
