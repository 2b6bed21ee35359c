package org.netdicom.index;

import java.util.Objects;

import org.netdicom.data.Dataset;

/**
 * A C-FIND, C-GET or C-MOVE identifier with the information model it came on.
 *
 * @param model      Patient Root, Study Root or Patient/Study Only
 * @param level      the Query/Retrieve Level (0008,0052) of the identifier
 * @param identifier the keys: matching keys with values, return keys empty
 */
public record Query(QueryModel model, QueryLevel level, Dataset identifier) {

    public Query {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(identifier, "identifier");
    }
}
