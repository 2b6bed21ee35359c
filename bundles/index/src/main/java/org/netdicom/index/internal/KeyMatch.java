package org.netdicom.index.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.netdicom.data.Dataset;
import org.netdicom.data.Sequence;
import org.netdicom.data.VR;

/**
 * One matching key of an identifier, compiled (PS3.4 C.2.2.2). An entity whose attribute is absent
 * or empty matches no key (universal keys are not compiled: they match everything); a multi-valued
 * attribute matches if one of its values does.
 */
sealed interface KeyMatch {

    int tag();

    boolean matches(Dataset entity);

    /**
     * Single value (C.2.2.2.1) or wildcard (C.2.2.2.4) matching of text; several key values match
     * if any does. Person names are compared without trailing empty components, optionally
     * ignoring case, and a key without {@code =} may match any one component group.
     */
    record Text(int tag, VR vr, List<String> values, boolean ignoreCase, List<Pattern> patterns) implements KeyMatch {

        /** The match of {@code values}, each with its wildcard pattern compiled once (null without wildcards). */
        static Text of(int tag, VR vr, List<String> values, boolean ignoreCase) {
            List<Pattern> patterns = new java.util.ArrayList<>(values.size());
            for (String v : values) {
                patterns.add(v.indexOf('*') >= 0 || v.indexOf('?') >= 0 ? wildcard(v, ignoreCase) : null);
            }
            return new Text(tag, vr, values, ignoreCase, java.util.Collections.unmodifiableList(patterns));
        }

        boolean isPersonName() {
            return vr == VR.PN;
        }

        @Override
        public boolean matches(Dataset entity) {
            String[] actual = entity.getStrings(tag);
            if (actual == null) {
                return false;
            }
            for (String a : actual) {
                String candidate = isPersonName() ? PersonNames.normalize(a) : a.strip();
                if (candidate.isEmpty()) {
                    continue;
                }
                for (int i = 0; i < values.size(); i++) {
                    if (matchesOne(values.get(i), patterns.get(i), candidate)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private boolean matchesOne(String key, Pattern pattern, String candidate) {
            if (matchesWhole(key, pattern, candidate)) {
                return true;
            }
            if (isPersonName() && key.indexOf('=') < 0 && candidate.indexOf('=') >= 0) {
                for (String group : candidate.split("=", -1)) {
                    if (!group.isEmpty() && matchesWhole(key, pattern, PersonNames.normalize(group))) {
                        return true;
                    }
                }
            }
            return false;
        }

        private boolean matchesWhole(String key, Pattern pattern, String candidate) {
            if (pattern == null) {
                return ignoreCase ? key.equalsIgnoreCase(candidate) : key.equals(candidate);
            }
            return pattern.matcher(candidate).matches();
        }

        static Pattern wildcard(String key, boolean ignoreCase) {
            StringBuilder regex = new StringBuilder();
            StringBuilder literal = new StringBuilder();
            for (int i = 0; i < key.length(); i++) {
                char c = key.charAt(i);
                if (c == '*' || c == '?') {
                    if (literal.length() > 0) {
                        regex.append(Pattern.quote(literal.toString()));
                        literal.setLength(0);
                    }
                    regex.append(c == '*' ? ".*" : ".");
                } else {
                    literal.append(c);
                }
            }
            if (literal.length() > 0) {
                regex.append(Pattern.quote(literal.toString()));
            }
            return Pattern.compile(regex.toString(),
                    Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0));
        }
    }

    /** List of UID matching (C.2.2.2.2); one UID is single value matching. */
    record UidList(int tag, Set<String> uids) implements KeyMatch {
        @Override
        public boolean matches(Dataset entity) {
            String[] actual = entity.getStrings(tag);
            if (actual != null) {
                for (String a : actual) {
                    if (uids.contains(a.strip())) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /**
     * Range matching of a DA, TM or DT attribute (C.2.2.2.5), bounds inclusive and normalized by
     * {@link Temporals}; a single value is the range of its own precision. A null bound is open.
     */
    record Range(int tag, VR vr, String low, String high) implements KeyMatch {
        @Override
        public boolean matches(Dataset entity) {
            String[] actual = entity.getStrings(tag);
            if (actual == null) {
                return false;
            }
            for (String a : actual) {
                if (!a.isBlank() && within(Temporals.normalize(vr, a, false))) {
                    return true;
                }
            }
            return false;
        }

        boolean within(String value) {
            return value != null && (low == null || value.compareTo(low) >= 0)
                    && (high == null || value.compareTo(high) <= 0);
        }

        /** The range's bounds as dates (for a DA key's SQL condition); null if open. */
        String lowDate() {
            return low == null ? null : low.substring(0, 8);
        }

        String highDate() {
            return high == null ? null : high.substring(0, 8);
        }
    }

    /**
     * Combined date-time range matching of a date and a time attribute (C.2.2.2.5.1), bounds
     * normalized as DT; an entity without the time is taken at the start of its day.
     */
    record DateTimeRange(int tag, int timeTag, String low, String high) implements KeyMatch {
        @Override
        public boolean matches(Dataset entity) {
            String date = entity.getString(tag);
            if (date == null || date.isBlank()) {
                return false;
            }
            String d = Temporals.date(date.strip().replace(".", ""), false);
            String time = entity.getString(timeTag);
            String t = time == null || time.isBlank() ? null : Temporals.time(time.strip().replace(":", ""), false);
            if (d == null) {
                return false;
            }
            String value = Temporals.combine(d, t, false);
            return (low == null || value.compareTo(low) >= 0) && (high == null || value.compareTo(high) <= 0);
        }
    }

    /** Single value matching of a number (IS, DS or a binary VR), compared by value. */
    record Number(int tag, List<Double> values) implements KeyMatch {
        @Override
        public boolean matches(Dataset entity) {
            String[] actual = entity.getStrings(tag);
            if (actual != null) {
                for (String a : actual) {
                    try {
                        if (values.contains(Double.parseDouble(a.strip()))) {
                            return true;
                        }
                    } catch (NumberFormatException e) {
                        // not a number: no match
                    }
                }
            }
            return false;
        }
    }

    /**
     * Sequence matching (C.2.2.2.6): the key's one item holds keys; an entity matches if one item
     * of its sequence matches them all.
     */
    record Items(int tag, List<KeyMatch> itemKeys) implements KeyMatch {
        @Override
        public boolean matches(Dataset entity) {
            Sequence sequence = entity.getSequence(tag);
            if (sequence == null) {
                return false;
            }
            for (Dataset item : sequence) {
                if (matchesItem(item)) {
                    return true;
                }
            }
            return false;
        }

        boolean matchesItem(Dataset item) {
            for (KeyMatch key : itemKeys) {
                if (!key.matches(item)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Upper case as the index stores names and compares them case-insensitively. */
    static String fold(String value) {
        return value.toUpperCase(Locale.ROOT);
    }
}
