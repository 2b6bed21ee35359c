package org.netdicom.qr;

import java.nio.file.Path;

import org.netdicom.core.api.EventBindings;
import org.netdicom.core.api.Status;
import org.netdicom.core.api.TlsSettings;
import org.netdicom.core.api.event.CFindEvent;
import org.netdicom.core.api.event.CGetEvent;
import org.netdicom.core.api.event.CMoveEvent;
import org.netdicom.core.api.event.EventType;
import org.netdicom.core.api.handler.CFindHandler;
import org.netdicom.core.api.handler.CGetHandler;
import org.netdicom.core.api.handler.CMoveHandler;
import org.netdicom.index.InstanceIndex;
import org.netdicom.index.MatchOptions;

/**
 * The Query/Retrieve SCP over an index and a storage root, for plain Java (the {@code qrscp}
 * tool, tests) as for the container's component: C-FIND by {@link IndexFind}, C-GET and C-MOVE
 * by {@link IndexRetrieve}.
 *
 * <pre>
 * QueryRetrieveScp qr = new QueryRetrieveScp(index, storageRoot, MatchOptions.DEFAULT,
 *         MoveDestinations.parse(List.of("STORESCP@127.0.0.1:11113"), System.getenv(MoveDestinations.ENV)), null);
 * ae.startServer(address, qr.bindings());
 * </pre>
 */
public class QueryRetrieveScp implements CFindHandler, CGetHandler, CMoveHandler {

    private final IndexFind find;
    private final IndexRetrieve retrieve;

    public QueryRetrieveScp(InstanceIndex index, Path storageRoot, MatchOptions options, MoveDestinations destinations,
            TlsSettings tls) {
        this.find = new IndexFind(index, options);
        this.retrieve = new IndexRetrieve(index, storageRoot, options, destinations, tls);
    }

    /** EVT_C_FIND, EVT_C_GET and EVT_C_MOVE bound to this SCP. */
    public EventBindings bindings() {
        return EventBindings.of(EventType.EVT_C_FIND, (CFindHandler) this)
                .and(EventType.EVT_C_GET, (CGetHandler) this)
                .and(EventType.EVT_C_MOVE, (CMoveHandler) this);
    }

    @Override
    public Status onCFind(CFindEvent event) throws Exception {
        return find.onCFind(event);
    }

    @Override
    public Status onCGet(CGetEvent event) throws Exception {
        return retrieve.onCGet(event);
    }

    @Override
    public Status onCMove(CMoveEvent event) throws Exception {
        return retrieve.onCMove(event);
    }
}
