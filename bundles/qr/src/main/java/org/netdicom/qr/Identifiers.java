package org.netdicom.qr;

import org.netdicom.data.Dataset;
import org.netdicom.index.MatchOptions;
import org.netdicom.index.Query;
import org.netdicom.index.QueryLevel;
import org.netdicom.index.QueryModel;

/** A request identifier read as an index {@link Query}. */
final class Identifiers {

    static final int QUERY_RETRIEVE_LEVEL = 0x00080052;

    /** The identifier cannot be used: answered 0xA900 (Identifier does not match SOP Class). */
    static final class Unusable extends Exception {
        private static final long serialVersionUID = 1L;

        Unusable(String message) {
            super(message);
        }
    }

    private Identifiers() {
    }

    /** PS3.4 C.4.1.2.1, C.4.2.2.1: the level must be present and exist in the model. */
    static Query query(QueryModel model, Dataset identifier, MatchOptions options) throws Unusable {
        QueryLevel level;
        try {
            level = QueryLevel.of(identifier.getString(QUERY_RETRIEVE_LEVEL));
        } catch (IllegalArgumentException e) {
            throw new Unusable(e.getMessage());
        }
        if (!model.hasLevel(level)) {
            throw new Unusable("level " + level + " does not exist in " + model);
        }
        return new Query(model, level, identifier, options);
    }
}
