package org.netdicom.tools.scu;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The files storescu sends, from its arguments: a file as it is, a folder with every file under it
 * (recursively, in name order), or a glob pattern ({@code 'study/**.dcm'}, {@code '*.dcm'}) for
 * shells that do not expand it, matched from the folder before its first wildcard.
 */
final class InputFiles {

    private InputFiles() {
    }

    /**
     * @param warn told about a pattern that matched nothing
     * @throws NoSuchFileException if an argument that is not a pattern names nothing
     */
    static List<Path> collect(List<String> arguments, Consumer<String> warn) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String argument : arguments) {
            if (isPattern(argument)) {
                List<Path> matched = glob(argument);
                if (matched.isEmpty()) {
                    warn.accept("no file matches " + argument);
                }
                files.addAll(matched);
                continue;
            }
            Path path = Path.of(argument);
            if (Files.isDirectory(path)) {
                files.addAll(walk(path, Integer.MAX_VALUE, p -> true));
            } else if (Files.exists(path)) {
                files.add(path);
            } else {
                throw new NoSuchFileException(argument);
            }
        }
        return files;
    }

    static boolean isPattern(String argument) {
        return argument.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    private static List<Path> glob(String pattern) throws IOException {
        String separator = FileSystems.getDefault().getSeparator();
        String[] parts = pattern.split(java.util.regex.Pattern.quote(separator), -1);
        int fixed = 0;
        while (fixed < parts.length - 1 && !isPattern(parts[fixed])) {
            fixed++;
        }
        String base = String.join(separator, java.util.Arrays.copyOfRange(parts, 0, fixed));
        if (pattern.startsWith(separator) && base.isEmpty()) {
            base = separator;
        }
        Path root = base.isEmpty() ? Path.of(".") : Path.of(base);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        int depth = pattern.contains("**") ? Integer.MAX_VALUE : parts.length - fixed;
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        boolean relative = base.isEmpty();
        return walk(root, depth, p -> matcher.matches(relative ? root.relativize(p) : p));
    }

    private static List<Path> walk(Path root, int depth, java.util.function.Predicate<Path> keep) throws IOException {
        try (Stream<Path> paths = Files.walk(root, depth)) {
            return paths.filter(p -> !Files.isDirectory(p)).filter(keep).sorted().toList();
        }
    }
}
