package org.netdicom.core.api;

/**
 * Status meanings of the Print Management service class, PS3.4 H.4: the codes of the Basic Film
 * Session, Basic Film Box, Image Box and Presentation LUT operations, which do not overlap.
 */
final class PrintStatusMeanings {

    private static final String QUEUE_FULL = "Failed: Unable to create Print Job SOP Instance; print queue is full";

    static final StatusTable TABLE = StatusTable.builder()
            // Basic Film Session N-CREATE (Table H.4.1.2.1.2-1) and N-ACTION (Table H.4-4)
            .code(0xB600, "Memory allocation not supported")
            .code(0xB601, "Film session printing (collation) is not supported")
            .code(0xB602, "Film Session SOP Instance hierarchy does not contain Image Box SOP Instances (empty page)")
            .code(0xC600, "Failed: Film Session SOP Instance hierarchy does not contain Film Box SOP Instances")
            .code(0xC601, QUEUE_FULL)
            // Basic Film Box N-CREATE (Table H.4.2.2.1.2-1) and N-ACTION (Table H.4-9)
            .code(0xB603, "Film Box SOP Instance hierarchy does not contain Image Box SOP Instances (empty page)")
            .code(0xC602, QUEUE_FULL)
            .code(0xC616, "Failed: There is an existing Film Box that has not been printed and N-ACTION at the"
                    + " Film Session level is not supported; a new Film Box will not be created")
            // shared by the N-ACTIONs and the Image Box N-SETs (Tables H.4.3.1.2.1.2-1, H.4.3.2.2.1.2-1)
            .code(0xB604, "Image size is larger than image box size, the image has been demagnified")
            .code(0xB609, "Image size is larger than the Image Box size, the image has been cropped to fit")
            .code(0xB60A, "Image size or Combined Print Image size is larger than the Image Box size,"
                    + " the image has been decimated to fit")
            .code(0xC603, "Failed: Image size is larger than image box size")
            .code(0xC605, "Failed: Insufficient memory in printer to store the image")
            .code(0xC613, "Failed: Combined Print Image size is larger than the Image Box size")
            // Film Box, Image Box and Presentation LUT (Table H.4.9.2.1.2-1)
            .code(0xB605, "Requested Min Density or Max Density outside of printer's operating range;"
                    + " the printer will use its respective minimum or maximum density value instead")
            .build();

    private PrintStatusMeanings() {
    }
}
