package org.netdicom.core.api;

/** Status meanings of the Media Creation Management service class, PS3.4 S.3.2. */
final class MediaCreationStatusMeanings {

    static final StatusTable TABLE = StatusTable.builder()
            // a second Initiate Media Creation for the same Media Creation Management instance
            .code(0xA510, "Failed: an Initiate Media Creation action has already been received for this SOP Instance")
            // Cancel Media Creation (N-ACTION)
            .code(0xC201, "Failed: Media creation request already completed")
            .code(0xC202, "Failed: Media creation request already in progress and cannot be interrupted")
            .code(0xC203, "Failed: Cancellation denied for unspecified reason")
            .build();

    private MediaCreationStatusMeanings() {
    }
}
