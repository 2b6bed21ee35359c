package org.netdicom.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Person Name value (PS3.5 6.2.1): up to three component groups (alphabetic, ideographic,
 * phonetic) separated by {@code =}, each with up to five components (family name, given name,
 * middle name, prefix, suffix) separated by {@code ^}. Immutable; missing components are empty
 * strings.
 */
public final class PersonName {
    /** The three component groups. */
    public enum Group { ALPHABETIC, IDEOGRAPHIC, PHONETIC }

    /** The five components of a group. */
    public enum Component { FAMILY, GIVEN, MIDDLE, PREFIX, SUFFIX }

    private final String[][] parts; // [group][component]

    private PersonName(String[][] parts) {
        this.parts = parts;
    }

    /** Parses the text of one PN value, e.g. {@code Yamada^Tarou=山田^太郎}. */
    public static PersonName parse(String value) {
        String[][] p = new String[3][5];
        for (String[] g : p) {
            Arrays.fill(g, "");
        }
        String[] groups = value.split("=", -1);
        for (int g = 0; g < Math.min(3, groups.length); g++) {
            String[] comps = groups[g].split("\\^", -1);
            for (int c = 0; c < Math.min(5, comps.length); c++) {
                p[g][c] = comps[c];
            }
        }
        return new PersonName(p);
    }

    /** An alphabetic name from family and given name. */
    public static PersonName of(String family, String given) {
        return parse(family + "^" + given);
    }

    public String get(Group group, Component component) {
        return parts[group.ordinal()][component.ordinal()];
    }

    /** The alphabetic family name. */
    public String family() {
        return get(Group.ALPHABETIC, Component.FAMILY);
    }

    /** The alphabetic given name. */
    public String given() {
        return get(Group.ALPHABETIC, Component.GIVEN);
    }

    /** The PN text with trailing empty components and groups left out. */
    @Override
    public String toString() {
        List<String> groups = new ArrayList<>(3);
        for (String[] g : parts) {
            int n = g.length;
            while (n > 0 && g[n - 1].isEmpty()) {
                n--;
            }
            groups.add(String.join("^", Arrays.copyOf(g, n)));
        }
        int n = groups.size();
        while (n > 0 && groups.get(n - 1).isEmpty()) {
            n--;
        }
        return String.join("=", groups.subList(0, n));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PersonName p && Arrays.deepEquals(parts, p.parts);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(parts);
    }
}
