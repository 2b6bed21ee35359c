package org.netdicom.storage;

import java.util.Objects;

import org.netdicom.core.api.Status;

/**
 * What {@link FileStore#store} did with one instance.
 *
 * @param status       the C-STORE-RSP status
 * @param errorComment why, for a status other than Success (at most 64 characters, as Error
 *                     Comment (0000,0902) is LO); null on Success
 * @param path         the file below the storage root ({@code /}-separated) that holds the instance
 *                     after the operation (also for {@link DuplicatePolicy#KEEP_FIRST}'s kept
 *                     file), null if none
 */
public record StoreResult(Status status, String errorComment, String path) {

    public StoreResult {
        Objects.requireNonNull(status, "status");
        if (errorComment != null && errorComment.length() > 64) {
            errorComment = errorComment.substring(0, 61) + "...";
        }
    }

    static StoreResult stored(String path) {
        return new StoreResult(Status.SUCCESS, null, path);
    }

    static StoreResult failed(int code, String errorComment) {
        return new StoreResult(Status.of(code), errorComment, null);
    }
}
