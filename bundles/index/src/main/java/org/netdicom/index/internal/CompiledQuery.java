package org.netdicom.index.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.netdicom.data.Dataset;
import org.netdicom.data.Element;
import org.netdicom.data.Sequence;
import org.netdicom.data.Tag;
import org.netdicom.data.VR;
import org.netdicom.index.InvalidQueryException;
import org.netdicom.index.MatchOptions;
import org.netdicom.index.Query;
import org.netdicom.index.QueryLevel;
import org.netdicom.index.QueryModel;

/**
 * An identifier turned into the matching keys that apply at its level (PS3.4 C.2.2.2): the SQL
 * selection narrows the rows with those the columns hold, and every row is then checked against
 * all of them here. Keys of levels below the query's cannot be matched; they are left out and
 * reported ({@link #allKeysSupported()} false: the SCP answers 0xFF01).
 */
final class CompiledQuery {

    /** Date attribute -> its time attribute, for combined date-time matching (PS3.4 C.2.2.2.5.1). */
    private static final Map<Integer, Integer> DATE_TIME_PAIRS = Map.of(Keys.STUDY_DATE, Keys.STUDY_TIME,
            Keys.SERIES_DATE, Keys.SERIES_TIME, Keys.CONTENT_DATE, Keys.CONTENT_TIME, 0x00080022, 0x00080032,
            Keys.PATIENT_BIRTH_DATE, 0x00100032, 0x00400244, 0x00400245);

    private final Query query;
    private final List<KeyMatch> keys;
    private final boolean allKeysSupported;

    private CompiledQuery(Query query, List<KeyMatch> keys, boolean allKeysSupported) {
        this.query = query;
        this.keys = keys;
        this.allKeysSupported = allKeysSupported;
    }

    static CompiledQuery compile(Query query) throws InvalidQueryException {
        QueryLevel level = query.level();
        List<KeyMatch> keys = new ArrayList<>();
        boolean supported = true;
        for (Element e : query.identifier()) {
            int tag = e.tag();
            if (Tag.isGroupLength(tag) || (tag >>> 16) == 0x0002) {
                continue;
            }
            QueryLevel own = AttributeLevels.of(tag);
            if (own == null) {
                continue;
            }
            KeyMatch key = compileKey(query.identifier(), e, query.options());
            if (key == null) {
                continue;
            }
            if (own.ordinal() > level.ordinal() || key == UNSUPPORTED) {
                supported = false;
                continue;
            }
            keys.add(key);
        }
        if (query.options().combinedDateTime()) {
            combineDateTimes(keys);
        }
        if (!query.options().relational()) {
            requireUniqueKeysAbove(query);
        }
        return new CompiledQuery(query, List.copyOf(keys), supported);
    }

    Query query() {
        return query;
    }

    List<KeyMatch> keys() {
        return keys;
    }

    boolean allKeysSupported() {
        return allKeysSupported;
    }

    boolean matches(Dataset entity) {
        for (KeyMatch key : keys) {
            if (!key.matches(entity)) {
                return false;
            }
        }
        return true;
    }

    /** A key the index cannot match (a binary VR): it makes the query "optional keys not supported". */
    private static final KeyMatch UNSUPPORTED = new KeyMatch.UidList(0, Set.of());

    /** The match of one key, or null if it is universal. */
    static KeyMatch compileKey(Dataset identifier, Element e, MatchOptions options) throws InvalidQueryException {
        int tag = e.tag();
        if (e.isSequence()) {
            Sequence s = e.sequence();
            if (s.isEmpty()) {
                return null;
            }
            List<KeyMatch> itemKeys = new ArrayList<>();
            Dataset item = s.get(0);
            for (Element ie : item) {
                KeyMatch k = compileKey(item, ie, options);
                if (k == UNSUPPORTED) {
                    return UNSUPPORTED;
                }
                if (k != null) {
                    itemKeys.add(k);
                }
            }
            return itemKeys.isEmpty() ? null : new KeyMatch.Items(tag, List.copyOf(itemKeys));
        }
        VR vr = e.vr();
        if (!vr.isString() && !isNumeric(vr)) {
            return e.length() > 0 ? UNSUPPORTED : null;
        }
        String[] raw = identifier.getStrings(tag);
        List<String> values = new ArrayList<>();
        if (raw != null) {
            for (String v : raw) {
                String s = vr == VR.PN ? PersonNames.normalize(v) : v.strip();
                if (!s.isEmpty()) {
                    values.add(s);
                }
            }
        }
        if (values.isEmpty() || values.contains("*")) {
            return null; // universal matching, PS3.4 C.2.2.2.3 (a lone * too)
        }
        switch (vr) {
            case UI:
                return new KeyMatch.UidList(tag, new LinkedHashSet<>(values));
            case DA:
            case TM:
            case DT:
                return range(tag, vr, values.get(0));
            case IS:
            case DS:
            case US:
            case SS:
            case UL:
            case SL:
            case FL:
            case FD:
            case SV:
            case UV:
                List<Double> numbers = new ArrayList<>();
                for (String v : values) {
                    try {
                        numbers.add(Double.parseDouble(v));
                    } catch (NumberFormatException ex) {
                        return KeyMatch.Text.of(tag, vr, List.copyOf(values), false);
                    }
                }
                return new KeyMatch.Number(tag, List.copyOf(numbers));
            default:
                return KeyMatch.Text.of(tag, vr, List.copyOf(values), vr == VR.PN && options.caseInsensitiveNames());
        }
    }

    private static boolean isNumeric(VR vr) {
        return switch (vr) {
            case US, SS, UL, SL, FL, FD, SV, UV -> true;
            default -> false;
        };
    }

    private static KeyMatch range(int tag, VR vr, String value) throws InvalidQueryException {
        // A DT with a negative UTC offset reads as a range: PS3.4 leaves the ambiguity; the range wins.
        int dash = value.indexOf('-');
        String low;
        String high;
        if (dash < 0) {
            low = Temporals.normalize(vr, value, false);
            high = Temporals.normalize(vr, value, true);
            if (low == null || high == null) {
                throw invalid(tag, vr, value);
            }
        } else {
            String from = value.substring(0, dash).strip();
            String to = value.substring(dash + 1).strip();
            if (from.isEmpty() && to.isEmpty()) {
                return null;
            }
            low = from.isEmpty() ? null : Temporals.normalize(vr, from, false);
            high = to.isEmpty() ? null : Temporals.normalize(vr, to, true);
            if ((!from.isEmpty() && low == null) || (!to.isEmpty() && high == null)) {
                throw invalid(tag, vr, value);
            }
        }
        return new KeyMatch.Range(tag, vr, low, high);
    }

    private static InvalidQueryException invalid(int tag, VR vr, String value) {
        return new InvalidQueryException(Tag.toString(tag) + ": '" + value + "' is not a " + vr
                + " value or range (PS3.4 C.2.2.2.5)");
    }

    /** Replaces a date range and the range of its time attribute by one date-time range. */
    private static void combineDateTimes(List<KeyMatch> keys) {
        for (Map.Entry<Integer, Integer> pair : DATE_TIME_PAIRS.entrySet()) {
            KeyMatch.Range date = rangeOf(keys, pair.getKey());
            KeyMatch.Range time = rangeOf(keys, pair.getValue());
            if (date == null || time == null || date.vr() != VR.DA || time.vr() != VR.TM) {
                continue;
            }
            String low = date.low() == null ? null : Temporals.combine(date.low(), time.low(), false);
            String high = date.high() == null ? null : Temporals.combine(date.high(), time.high(), true);
            keys.remove(date);
            keys.remove(time);
            keys.add(new KeyMatch.DateTimeRange(date.tag(), time.tag(), low, high));
        }
    }

    private static KeyMatch.Range rangeOf(List<KeyMatch> keys, int tag) {
        for (KeyMatch k : keys) {
            if (k.tag() == tag && k instanceof KeyMatch.Range r) {
                return r;
            }
        }
        return null;
    }

    /** PS3.4 C.4.1.2.1: a hierarchical query names one entity of each level above its own. */
    private static void requireUniqueKeysAbove(Query query) throws InvalidQueryException {
        Dataset id = query.identifier();
        QueryLevel level = query.level();
        if (query.model() != QueryModel.STUDY_ROOT && level.ordinal() > QueryLevel.PATIENT.ordinal()) {
            requireSingle(id, Keys.PATIENT_ID, "PatientID");
        }
        if (level.ordinal() > QueryLevel.STUDY.ordinal()) {
            requireSingle(id, Keys.STUDY_INSTANCE_UID, "StudyInstanceUID");
        }
        if (level.ordinal() > QueryLevel.SERIES.ordinal()) {
            requireSingle(id, Keys.SERIES_INSTANCE_UID, "SeriesInstanceUID");
        }
    }

    private static void requireSingle(Dataset id, int tag, String name) throws InvalidQueryException {
        String[] values = id.getStrings(tag);
        if (values == null || values.length != 1 || values[0].isBlank() || values[0].contains("*")
                || values[0].contains("?")) {
            throw new InvalidQueryException("a hierarchical query at this level needs one " + name + " "
                    + Tag.toString(tag) + " (PS3.4 C.4.1.2.1)");
        }
    }
}
