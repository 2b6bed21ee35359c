package org.netdicom.index.internal;

/** Person name values as compared and indexed: without trailing empty components or groups. */
final class PersonNames {

    private PersonNames() {
    }

    /** {@code Doe^John^^^} becomes {@code Doe^John}; {@code Doe^John=} becomes {@code Doe^John}. */
    static String normalize(String value) {
        String v = value.strip();
        if (v.indexOf('=') < 0) {
            return stripCarets(v);
        }
        String[] groups = v.split("=", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < groups.length; i++) {
            if (i > 0) {
                out.append('=');
            }
            out.append(stripCarets(groups[i].strip()));
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '=') {
            end--;
        }
        return out.substring(0, end);
    }

    private static String stripCarets(String group) {
        int end = group.length();
        while (end > 0 && (group.charAt(end - 1) == '^' || group.charAt(end - 1) == ' ')) {
            end--;
        }
        return group.substring(0, end);
    }
}
