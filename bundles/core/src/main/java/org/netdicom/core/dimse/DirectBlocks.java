package org.netdicom.core.dimse;

import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Blocks of direct memory that file data sets are sent from, shared by all associations: a
 * direct buffer costs a system call and zeroing to make and is freed only by the garbage
 * collector, so the blocks are kept for the next message instead, up to {@link #KEPT} of them.
 */
final class DirectBlocks {

    /** Bytes per block: a fragment of a file's data set is at most this long. */
    static final int CAPACITY = 256 * 1024;
    /** Blocks kept when given back (one per message being sent from a file): 4 MiB. */
    static final int KEPT = 16;

    private static final ConcurrentLinkedQueue<ByteBuffer> POOL = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger POOLED = new AtomicInteger();

    private DirectBlocks() {
    }

    static ByteBuffer borrow() {
        ByteBuffer block = POOL.poll();
        if (block == null) {
            // on a 64-byte boundary (malloc gives 16): where a file's bytes are read to matters
            return ByteBuffer.allocateDirect(CAPACITY + 64).alignedSlice(64).limit(CAPACITY).slice();
        }
        POOLED.decrementAndGet();
        return block.clear();
    }

    static void giveBack(ByteBuffer block) {
        if (POOLED.incrementAndGet() <= KEPT) {
            POOL.offer(block);
        } else {
            POOLED.decrementAndGet();
        }
    }
}
