package org.netdicom.qr;

import java.util.Objects;

import org.netdicom.core.api.Status;
import org.netdicom.core.api.event.CFindEvent;
import org.netdicom.core.api.handler.CFindHandler;
import org.netdicom.data.Dataset;
import org.netdicom.data.VR;
import org.netdicom.index.IndexException;
import org.netdicom.index.InstanceIndex;
import org.netdicom.index.InvalidQueryException;
import org.netdicom.index.MatchOptions;
import org.netdicom.index.Query;
import org.netdicom.index.QueryModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * EVT_C_FIND over the index for Patient Root, Study Root and Patient/Study Only: each match is
 * sent as it is read from the index (0xFF01 when some keys could not be matched), a C-CANCEL stops
 * the search at the next match. Retrieve AE Title (0008,0054), when asked for, is the called AE
 * title; Instance Availability (0008,0056) is ONLINE. Statuses: Success, Cancel (0xFE00), 0xA900
 * for an identifier without a valid level or whose keys cannot be matched (a malformed range, a
 * missing unique key of a hierarchical query), 0xC001 when the index fails, 0x0122 for other
 * information models (worklist...).
 */
public final class IndexFind implements CFindHandler {

    static final Status UNSUPPORTED_SOP_CLASS = new Status(0x0122);
    static final Status IDENTIFIER_DOES_NOT_MATCH = new Status(0xA900);
    static final Status UNABLE_TO_PROCESS = new Status(0xC001);
    private static final int RETRIEVE_AE_TITLE = 0x00080054;
    private static final int INSTANCE_AVAILABILITY = 0x00080056;
    private static final Logger LOG = LoggerFactory.getLogger(IndexFind.class);

    private final InstanceIndex index;
    private final MatchOptions options;

    public IndexFind(InstanceIndex index, MatchOptions options) {
        this.index = Objects.requireNonNull(index, "index");
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public Status onCFind(CFindEvent event) {
        QueryModel model = InformationModels.find(event.sopClassUid());
        if (model == null) {
            return UNSUPPORTED_SOP_CLASS;
        }
        Dataset identifier = event.identifier();
        String retrieveAeTitle = event.association().calledAeTitle();
        try {
            Query query = Identifiers.query(model, identifier, options);
            boolean allKeys = index.matchesAllKeys(query);
            index.find(query, match -> {
                if (event.isCancelled()) {
                    return false;
                }
                if (identifier.contains(RETRIEVE_AE_TITLE)) {
                    match.setString(RETRIEVE_AE_TITLE, VR.AE, retrieveAeTitle);
                }
                if (identifier.contains(INSTANCE_AVAILABILITY)) {
                    match.setString(INSTANCE_AVAILABILITY, VR.CS, "ONLINE");
                }
                return event.pending(match, !allKeys);
            });
        } catch (Identifiers.Unusable | InvalidQueryException e) {
            LOG.info("{}: C-FIND identifier refused: {}", event.association(), e.getMessage());
            return IDENTIFIER_DOES_NOT_MATCH;
        } catch (IndexException e) {
            LOG.error("{}: C-FIND failed: {}", event.association(), e.getMessage(), e);
            return UNABLE_TO_PROCESS;
        }
        return event.isCancelled() ? Status.CANCEL : Status.SUCCESS;
    }
}
