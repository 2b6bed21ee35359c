package org.netdicom.core.dul;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The direct read buffers of closed connections, kept for the next ones ({@link ChannelInput}): a
 * new direct buffer is zeroed, registered for cleaning, and its memory is given back only when the
 * garbage collector finds the buffer unreachable, so that a server opening many short associations
 * would otherwise take new memory (and, on a VM, new pages) for each of them. At most
 * {@value #KEPT_PER_SIZE} buffers of each size are kept; sizes come from the maximum PDU lengths
 * configured, so there are few of them.
 */
final class ReadBuffers {

    static final int KEPT_PER_SIZE = 16;

    private static final Map<Integer, ArrayBlockingQueue<ByteBuffer>> KEPT = new ConcurrentHashMap<>();

    private ReadBuffers() {
    }

    /** A direct buffer of {@code capacity} bytes, position 0 and limit 0: a kept one if there is one. */
    static ByteBuffer take(int capacity) {
        ArrayBlockingQueue<ByteBuffer> kept = KEPT.get(capacity);
        ByteBuffer buffer = kept == null ? null : kept.poll();
        return (buffer != null ? buffer : ByteBuffer.allocateDirect(capacity)).clear().limit(0);
    }

    /** Keeps {@code buffer} for a later {@link #take}; its owner must not touch it any more. */
    static void give(ByteBuffer buffer) {
        KEPT.computeIfAbsent(buffer.capacity(), c -> new ArrayBlockingQueue<>(KEPT_PER_SIZE)).offer(buffer);
    }
}
