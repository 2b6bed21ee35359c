package org.netdicom.index.internal;

import java.util.Arrays;

import org.netdicom.data.Dataset;
import org.netdicom.data.Element;
import org.netdicom.data.Sequence;
import org.netdicom.data.Tag;
import org.netdicom.data.VR;
import org.netdicom.index.Query;
import org.netdicom.index.QueryLevel;
import org.netdicom.index.QueryModel;

/**
 * The C-FIND response identifier of a match (PS3.4 C.4.1.1.3.2): every key of the request with the
 * entity's value, keys the index does not hold (or of a level below the query's) empty, the
 * Query/Retrieve Level, and the entity's Specific Character Set when it has one (values are copied
 * as encoded, so they stay in that character set). A sequence key returns the entity's items (only
 * those that match, when it was a matching key) reduced to the keys of the request's item. The
 * unique keys of the query's level and of the levels above it in its model are always returned,
 * asked for or not (PS3.4 C.4.1.2.1 expects them in the request; a relational request may leave
 * them out, and its responses would name no entity).
 */
final class ResponseIdentifier {

    private ResponseIdentifier() {
    }

    static Dataset of(CompiledQuery query, Dataset entity) {
        Dataset identifier = query.query().identifier();
        QueryLevel level = query.query().level();
        Dataset out = new Dataset(identifier.size() + 2);
        byte[] charset = entity.getBytes(Keys.SPECIFIC_CHARACTER_SET);
        if (charset != null && charset.length > 0) {
            out.setBytes(Keys.SPECIFIC_CHARACTER_SET, VR.CS, charset);
        }
        out.setString(Keys.QUERY_RETRIEVE_LEVEL, VR.CS, level.name());
        for (Element key : identifier) {
            int tag = key.tag();
            if (Tag.isGroupLength(tag) || (tag >>> 16) == 0x0002 || tag == Keys.SPECIFIC_CHARACTER_SET
                    || tag == Keys.QUERY_RETRIEVE_LEVEL) {
                continue;
            }
            boolean held = AttributeLevels.atOrAbove(tag, level);
            if (key.isSequence()) {
                Sequence items = out.newSequence(tag);
                Sequence actual = held ? entity.getSequence(tag) : null;
                if (actual != null) {
                    copyItems(query, key, actual, items);
                }
                continue;
            }
            Element value = held ? entity.element(tag) : null;
            if (value != null && !value.isSequence() && value.bytes() != null) {
                out.setBytes(tag, value.vr(), value.bytes());
            } else {
                out.setBytes(tag, key.vr(), new byte[0]);
            }
        }
        for (int tag : uniqueKeys(query.query())) {
            if (!out.contains(tag)) {
                Element value = entity.element(tag);
                if (value != null && value.bytes() != null) {
                    out.setBytes(tag, value.vr(), value.bytes());
                }
            }
        }
        return out;
    }

    private static final int[] UNIQUE_KEYS = {Keys.PATIENT_ID, Keys.STUDY_INSTANCE_UID, Keys.SERIES_INSTANCE_UID,
            Keys.SOP_INSTANCE_UID};

    /** The unique keys of the levels from the model's top down to the query's level. */
    private static int[] uniqueKeys(Query query) {
        int from = query.model() == QueryModel.STUDY_ROOT ? 1 : 0;
        return Arrays.copyOfRange(UNIQUE_KEYS, from, query.level().ordinal() + 1);
    }

    private static void copyItems(CompiledQuery query, Element key, Sequence actual, Sequence out) {
        Dataset keyItem = key.sequence().isEmpty() ? null : key.sequence().get(0);
        KeyMatch.Items matcher = null;
        for (KeyMatch k : query.keys()) {
            if (k.tag() == key.tag() && k instanceof KeyMatch.Items items) {
                matcher = items;
            }
        }
        for (Dataset item : actual) {
            if (matcher != null && !matcher.matchesItem(item)) {
                continue;
            }
            if (keyItem == null || keyItem.isEmpty()) {
                out.add(item.copy());
                continue;
            }
            Dataset reduced = out.addNew();
            for (Element k : keyItem) {
                Element v = item.element(k.tag());
                if (v == null) {
                    reduced.setBytes(k.tag(), k.vr(), new byte[0]);
                } else if (v.isSequence()) {
                    reduced.merge(item.filter(t -> t == k.tag()));
                } else if (v.bytes() != null) {
                    reduced.setBytes(k.tag(), v.vr(), v.bytes());
                }
            }
        }
    }
}
