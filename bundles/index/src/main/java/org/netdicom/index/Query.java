package org.netdicom.index;

import java.util.Objects;

import org.netdicom.data.Dataset;

/**
 * A C-FIND, C-GET or C-MOVE identifier with the information model it came on.
 *
 * @param model      Patient Root, Study Root or Patient/Study Only
 * @param level      the Query/Retrieve Level (0008,0052) of the identifier
 * @param identifier the keys: matching keys with values, return keys empty
 * @param options    how to match (see {@link MatchOptions})
 */
public record Query(QueryModel model, QueryLevel level, Dataset identifier, MatchOptions options) {

    public Query {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(options, "options");
        if (!model.hasLevel(level)) {
            throw new IllegalArgumentException("level " + level + " does not exist in " + model);
        }
    }

    /** A query with the {@linkplain MatchOptions#DEFAULT default} matching options. */
    public Query(QueryModel model, QueryLevel level, Dataset identifier) {
        this(model, level, identifier, MatchOptions.DEFAULT);
    }

    /** The same query matched with {@code options}. */
    public Query with(MatchOptions options) {
        return new Query(model, level, identifier, options);
    }
}
