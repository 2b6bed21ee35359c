package org.netdicom.storage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

import org.netdicom.data.dict.TransferSyntax;
import org.netdicom.data.dict.UidRegistry;
import org.netdicom.storage.internal.PathPattern;

/**
 * How a {@link FileStore} stores.
 *
 * @param root          the storage root: every file is below it
 * @param pattern       the layout below the root, e.g. {@value #DEFAULT_PATTERN} (keywords or
 *                      tags in braces; see docs/storage.md)
 * @param duplicates    what a second instance with a stored SOP Instance UID does
 * @param transferSyntax null to store data sets as received, else the UID of an uncompressed
 *                      transfer syntax that data sets received in another uncompressed syntax are
 *                      converted to (compressed ones are always kept as received)
 * @param fsync         force files and folder entries to disk before answering Success
 * @param tempFileGrace how old a temporary file of another process must be before the
 *                      reconciliation deletes it (zero: at once; more when several nodes share the root)
 * @param indexBeforeResponse answer Success only once the index has the instance's row; else
 *                      (the default) Success follows the durable file, and the row is written
 *                      right after the response, before the association reads its next message
 *                      (see {@link FileStore})
 */
public record StorageSettings(Path root, String pattern, DuplicatePolicy duplicates, String transferSyntax,
        boolean fsync, Duration tempFileGrace, boolean indexBeforeResponse) {

    /** One folder per patient, study and series, a file per instance. */
    public static final String DEFAULT_PATTERN = PathPattern.DEFAULT;

    /**
     * @throws IllegalArgumentException if the pattern or transfer syntax is not valid, saying why
     */
    public StorageSettings {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(duplicates, "duplicates");
        Objects.requireNonNull(tempFileGrace, "tempFileGrace");
        if (tempFileGrace.isNegative()) {
            throw new IllegalArgumentException("tempFileGrace " + tempFileGrace + " is negative");
        }
        PathPattern.parse(pattern);
        if (transferSyntax != null) {
            TransferSyntax ts = UidRegistry.transferSyntaxOrUnknown(transferSyntax);
            if (!isUncompressed(ts)) {
                throw new IllegalArgumentException("transferSyntax '" + transferSyntax
                        + "': only an uncompressed transfer syntax can be converted to");
            }
        }
    }

    /**
     * Settings with the defaults: the default pattern, {@link DuplicatePolicy#OVERWRITE}, as received,
     * fsync, temporary files of crashed stores deleted at once, the index row right after the response.
     */
    public static StorageSettings of(Path root) {
        return new StorageSettings(root, DEFAULT_PATTERN, DuplicatePolicy.OVERWRITE, null, true, Duration.ZERO, false);
    }

    public StorageSettings withPattern(String newPattern) {
        return new StorageSettings(root, newPattern, duplicates, transferSyntax, fsync, tempFileGrace, indexBeforeResponse);
    }

    public StorageSettings withDuplicates(DuplicatePolicy policy) {
        return new StorageSettings(root, pattern, policy, transferSyntax, fsync, tempFileGrace, indexBeforeResponse);
    }

    /** @param uid null or {@code keep}: as received; else a UID or a name accepted by {@link #transferSyntaxOf} */
    public StorageSettings withTransferSyntax(String uid) {
        return new StorageSettings(root, pattern, duplicates, transferSyntaxOf(uid), fsync, tempFileGrace,
                indexBeforeResponse);
    }

    public StorageSettings withFsync(boolean force) {
        return new StorageSettings(root, pattern, duplicates, transferSyntax, force, tempFileGrace, indexBeforeResponse);
    }

    public StorageSettings withTempFileGrace(Duration grace) {
        return new StorageSettings(root, pattern, duplicates, transferSyntax, fsync, grace, indexBeforeResponse);
    }

    public StorageSettings withIndexBeforeResponse(boolean before) {
        return new StorageSettings(root, pattern, duplicates, transferSyntax, fsync, tempFileGrace, before);
    }

    /**
     * The UID a {@code transferSyntax} setting names: null for {@code keep} (or blank),
     * {@code explicit-le}, {@code implicit-le}, {@code explicit-be}, {@code deflated}, or a UID as is.
     */
    public static String transferSyntaxOf(String setting) {
        if (setting == null || setting.isBlank()) {
            return null;
        }
        return switch (setting.strip().toLowerCase(Locale.ROOT)) {
            case "keep" -> null;
            case "explicit-le" -> TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid();
            case "implicit-le" -> TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid();
            case "explicit-be" -> TransferSyntax.EXPLICIT_VR_BIG_ENDIAN.uid();
            case "deflated" -> TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN.uid();
            default -> setting.strip();
        };
    }

    /** Whether a data set in {@code ts} has native (not encapsulated or referenced) pixel data. */
    static boolean isUncompressed(TransferSyntax ts) {
        return ts.equals(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN) || ts.equals(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
                || ts.equals(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN) || ts.equals(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);
    }
}
