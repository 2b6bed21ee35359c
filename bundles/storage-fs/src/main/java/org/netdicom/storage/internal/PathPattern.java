package org.netdicom.storage.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.netdicom.data.Dataset;
import org.netdicom.data.Tag;
import org.netdicom.data.dict.ElementDictionary;

/**
 * Where an instance goes below the storage root, from a pattern over its attributes such as
 * {@code {PatientID}/{StudyInstanceUID}/{SeriesInstanceUID}/{SOPInstanceUID}.dcm}.
 * <p>
 * A placeholder names an attribute by keyword or tag ({@code {PatientID}}, {@code {0010,0020}},
 * {@code {(0010,0020)}}) and may transform the value: {@code {PatientID|hash}} (8 hex digits of its
 * SHA-256, or {@code |hash:N}), {@code |first:N} and {@code |last:N} characters. Each value is made
 * a safe name by {@link PathComponent} (so {@code ../../etc} stays one harmless folder name), an
 * absent or empty one becomes {@value PathComponent#UNKNOWN}. The pattern's own text is checked
 * when the pattern is made: relative, {@code /}-separated, no empty, dot or unsafe parts, and the
 * file name must hold the SOP Instance UID untransformed so that instances never share a file.
 */
public final class PathPattern {

    /** The default layout: one folder per patient, study and series. */
    public static final String DEFAULT = "{PatientID}/{StudyInstanceUID}/{SeriesInstanceUID}/{SOPInstanceUID}.dcm";

    private static final int MAX_LITERAL = 50;
    /** Longest name a path gets: room left in 255 bytes for a temporary file's and a copy's additions. */
    static final int MAX_NAME = 200;
    private static final int MAX_PLACEHOLDERS_PER_NAME = 2;

    private sealed interface Part permits Literal, Placeholder {
    }

    private record Literal(String text) implements Part {
    }

    private record Placeholder(int tag, String function, int count) implements Part {

        String apply(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            String v = value.strip();
            return switch (function) {
                case "" -> v;
                case "hash" -> PathComponent.hash(v, count);
                case "first" -> v.substring(0, Math.min(count, v.length()));
                case "last" -> v.substring(Math.max(0, v.length() - count));
                default -> throw new IllegalStateException(function);
            };
        }
    }

    private final String text;
    private final List<List<Part>> names;

    private PathPattern(String text, List<List<Part>> names) {
        this.text = text;
        this.names = names;
    }

    /**
     * Parses {@code pattern}.
     *
     * @throws IllegalArgumentException naming what is wrong with it
     */
    public static PathPattern parse(String pattern) {
        Objects.requireNonNull(pattern, "pattern");
        String p = pattern.strip();
        if (p.isEmpty()) {
            throw new IllegalArgumentException("the pattern is empty");
        }
        if (p.startsWith("/") || p.contains("\\") || p.contains("//") || p.endsWith("/")) {
            throw new IllegalArgumentException("pattern '" + p + "': use relative names separated by single '/'");
        }
        List<List<Part>> names = new ArrayList<>();
        for (String name : p.split("/")) {
            names.add(parseName(p, name));
        }
        List<Part> file = names.get(names.size() - 1);
        boolean named = file.stream().anyMatch(part -> part instanceof Placeholder ph
                && ph.tag() == Tag.SOP_INSTANCE_UID && ph.function().isEmpty());
        if (!named) {
            throw new IllegalArgumentException("pattern '" + p
                    + "': the file name must contain {SOPInstanceUID} (untransformed) so that instances never share a file");
        }
        return new PathPattern(p, List.copyOf(names));
    }

    private static List<Part> parseName(String pattern, String name) {
        List<Part> parts = new ArrayList<>();
        int placeholders = 0;
        int i = 0;
        while (i < name.length()) {
            int open = name.indexOf('{', i);
            int end = open < 0 ? name.length() : open;
            if (end > i) {
                String literal = name.substring(i, end);
                if (literal.contains("}") || literal.length() > MAX_LITERAL
                        || !literal.chars().allMatch(c -> PathComponent.isSafe(String.valueOf((char) c)) || c == '.')) {
                    throw new IllegalArgumentException("pattern '" + pattern + "': text '" + literal
                            + "' may hold only A-Z a-z 0-9 . _ - (at most " + MAX_LITERAL + ")");
                }
                parts.add(new Literal(literal));
            }
            if (open < 0) {
                break;
            }
            int close = name.indexOf('}', open);
            if (close < 0) {
                throw new IllegalArgumentException("pattern '" + pattern + "': '{' without '}'");
            }
            parts.add(placeholder(pattern, name.substring(open + 1, close)));
            placeholders++;
            i = close + 1;
        }
        if (placeholders > MAX_PLACEHOLDERS_PER_NAME) {
            throw new IllegalArgumentException("pattern '" + pattern + "': at most " + MAX_PLACEHOLDERS_PER_NAME
                    + " placeholders in one name");
        }
        if (parts.get(0) instanceof Literal first && first.text().startsWith(".")
                || placeholders == 0 && !PathComponent.isSafe(name)) {
            throw new IllegalArgumentException("pattern '" + pattern + "': name '" + name
                    + "' would be hidden, '.' or '..', or is not a safe name");
        }
        return List.copyOf(parts);
    }

    private static Placeholder placeholder(String pattern, String spec) {
        String key = spec;
        String function = "";
        int count = 0;
        int bar = spec.indexOf('|');
        if (bar >= 0) {
            key = spec.substring(0, bar);
            String f = spec.substring(bar + 1).strip();
            int colon = f.indexOf(':');
            function = colon < 0 ? f : f.substring(0, colon);
            try {
                count = colon < 0 ? (function.equals("hash") ? 8 : -1) : Integer.parseInt(f.substring(colon + 1).strip());
            } catch (NumberFormatException e) {
                count = -1;
            }
            boolean known = function.equals("hash") || function.equals("first") || function.equals("last");
            if (!known || count < 1 || count > (function.equals("hash") ? 64 : PathComponent.MAX_LENGTH)) {
                throw new IllegalArgumentException("pattern '" + pattern + "': '{" + spec
                        + "}': functions are |hash, |hash:N (N 1-64), |first:N and |last:N (N 1-100)");
            }
        }
        return new Placeholder(tagOf(pattern, key.strip()), function, count);
    }

    private static int tagOf(String pattern, String key) {
        if (!key.isEmpty() && Character.isLetter(key.charAt(0))) {
            int tag = ElementDictionary.standard().tagOf(key);
            if (tag == -1) {
                throw new IllegalArgumentException("pattern '" + pattern + "': unknown keyword '" + key + "'");
            }
            return tag;
        }
        try {
            return Tag.parse(key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("pattern '" + pattern + "': '" + key
                    + "' is neither a keyword nor a tag (gggg,eeee)");
        }
    }

    /**
     * The relative path (names joined by {@code /}) of the instance with {@code attributes}; every
     * name is safe whatever the values (see {@link PathComponent}).
     */
    public String resolve(Dataset attributes) {
        StringBuilder path = new StringBuilder(128);
        StringBuilder name = new StringBuilder(64);
        for (List<Part> parts : names) {
            if (!path.isEmpty()) {
                path.append('/');
            }
            name.setLength(0);
            for (Part part : parts) {
                if (part instanceof Literal literal) {
                    name.append(literal.text());
                } else {
                    Placeholder ph = (Placeholder) part;
                    name.append(PathComponent.of(ph.apply(attributes.getString(ph.tag()))));
                }
            }
            path.append(fitting(name.toString()));
        }
        return path.toString();
    }

    /**
     * {@code name}, or if longer than {@value #MAX_NAME} characters (two long values and
     * literals), cut and ended with a hash of the whole and its extension: file systems take 255
     * bytes a name, and a store adds to it for its temporary file and for {@code _2}, {@code _3}...
     */
    static String fitting(String name) {
        if (name.length() <= MAX_NAME) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
        String hash = PathComponent.hash(name, 8);
        String stem = name.substring(0, MAX_NAME - extension.length() - hash.length() - 1);
        while (stem.endsWith(".")) { // no ".." where the stem meets the hash
            stem = stem.substring(0, stem.length() - 1);
        }
        return stem + "-" + hash + extension;
    }

    @Override
    public String toString() {
        return text;
    }
}
