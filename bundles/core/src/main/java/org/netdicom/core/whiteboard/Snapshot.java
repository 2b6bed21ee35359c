package org.netdicom.core.whiteboard;

import java.util.List;

/**
 * The tracked handlers at one moment, immutable: the valid ones best first (ranking, then service
 * id) and the ones whose properties are invalid. A new snapshot is published for every change.
 */
record Snapshot(List<TrackedHandler> valid, List<TrackedHandler> failed) {

    static final Snapshot EMPTY = new Snapshot(List.of(), List.of());
}
