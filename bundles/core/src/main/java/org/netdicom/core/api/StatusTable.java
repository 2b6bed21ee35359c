package org.netdicom.core.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The meanings a part of the standard gives to status codes: single codes, and ranges such as
 * "A7xx" where a service class only fixes the leading digits (PS3.4 B.2.3). A single code wins
 * over a range that contains it. Immutable once built.
 */
final class StatusTable {

    static final StatusTable EMPTY = new Builder().build();

    private record Range(int first, int last, String meaning) {
    }

    private final Map<Integer, String> codes;
    private final List<Range> ranges;

    private StatusTable(Map<Integer, String> codes, List<Range> ranges) {
        this.codes = Map.copyOf(codes);
        this.ranges = List.copyOf(ranges);
    }

    static Builder builder() {
        return new Builder();
    }

    /** The meaning of {@code code} in this table, or {@code null} if the table says nothing of it. */
    String find(int code) {
        String meaning = codes.get(code);
        if (meaning != null) {
            return meaning;
        }
        for (Range range : ranges) {
            if (code >= range.first && code <= range.last) {
                return range.meaning;
            }
        }
        return null;
    }

    /** Collects single codes and ranges; a code or range given twice is a mistake in a table. */
    static final class Builder {

        private final Map<Integer, String> codes = new HashMap<>();
        private final List<Range> ranges = new ArrayList<>();

        private Builder() {
        }

        /** Adds every code and range of {@code table}. */
        Builder include(StatusTable table) {
            table.codes.forEach(this::code);
            table.ranges.forEach(range -> range(range.first, range.last, range.meaning));
            return this;
        }

        Builder code(int code, String meaning) {
            if (codes.putIfAbsent(code, meaning) != null) {
                throw new IllegalStateException(String.format("status 0x%04X given twice", code));
            }
            return this;
        }

        Builder range(int first, int last, String meaning) {
            for (Range range : ranges) {
                if (first <= range.last && last >= range.first) {
                    throw new IllegalStateException(String.format("range 0x%04X-0x%04X overlaps 0x%04X-0x%04X",
                            first, last, range.first, range.last));
                }
            }
            ranges.add(new Range(first, last, meaning));
            return this;
        }

        StatusTable build() {
            return new StatusTable(codes, ranges);
        }
    }
}
