package org.netdicom.core.association;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts a server's established associations so that the limit holds under concurrent requests. */
public final class AssociationSlots {

    private final AtomicInteger open = new AtomicInteger();

    /** Takes a slot and returns how many were taken before it; give it back with {@link #release}. */
    int take() {
        return open.getAndIncrement();
    }

    void release() {
        open.decrementAndGet();
    }

    public int open() {
        return open.get();
    }
}
