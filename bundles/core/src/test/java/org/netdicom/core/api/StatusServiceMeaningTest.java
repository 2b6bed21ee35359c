package org.netdicom.core.api;

import static org.junit.jupiter.api.Assertions.*;
import static org.netdicom.core.api.ServiceClass.*;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Service-specific meanings of PS3.4, their ranges, and the fall-back to PS3.7 Annex C. */
class StatusServiceMeaningTest {

    /** A few SOP Class UIDs of PS3.6 Annex A as a response would carry them, with their service class. */
    private static final Map<String, ServiceClass> SOP_CLASSES = Map.of(
            "1.2.840.10008.5.1.4.1.1.2", STORAGE, // CT Image Storage
            "1.2.840.10008.5.1.4.1.2.2.2", QUERY_RETRIEVE, // Study Root Query/Retrieve - MOVE
            "1.2.840.10008.5.1.4.31", BASIC_WORKLIST_MANAGEMENT, // Modality Worklist - FIND
            "1.2.840.10008.5.1.4.34.6.1", UNIFIED_PROCEDURE_STEP, // UPS Push
            "1.2.840.10008.5.1.1.1", PRINT_MANAGEMENT); // Basic Film Session

    private static String meaning(int code, ServiceClass service) {
        return Status.of(code).meaning(service);
    }

    @Test
    void readsTheMeaningForTheServiceClassOfAResponsesSopClass() {
        assertEquals("Refused: Move destination unknown",
                Status.of(0xA801).meaning(SOP_CLASSES.get("1.2.840.10008.5.1.4.1.2.2.2")));
        assertEquals("Error: Cannot understand", Status.of(0xC005).meaning(SOP_CLASSES.get("1.2.840.10008.5.1.4.1.1.2")));
        assertEquals("Memory allocation not supported", Status.of(0xB600).meaning(SOP_CLASSES.get("1.2.840.10008.5.1.1.1")));
    }

    @Test
    void readsTheMeaningStraightFromTheSopClassUidOfAResponse() {
        for (Map.Entry<String, ServiceClass> e : SOP_CLASSES.entrySet()) {
            assertEquals(e.getValue(), ServiceClass.of(e.getKey()), e.getKey());
        }
        assertEquals("Refused: Move destination unknown", Status.of(0xA801).meaning("1.2.840.10008.5.1.4.1.2.2.2"));
        assertEquals("Error: Cannot understand", Status.of(0xC123).meaning("1.2.840.10008.5.1.4.1.1.2"));
        assertEquals(Status.of(0x0110).meaning(), Status.of(0x0110).meaning("1.2.3.4.5.6.7"), "unknown SOP class");
        assertNull(ServiceClass.of("1.2.3.4.5.6.7"));
    }

    @ParameterizedTest(name = "Storage 0x{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "A700 | Refused: Out of resources",
            "A7FF | Refused: Out of resources",
            "A900 | Error: Data Set does not match SOP Class",
            "A9AB | Error: Data Set does not match SOP Class",
            "C000 | Error: Cannot understand",
            "CFFF | Error: Cannot understand",
            "B000 | Coercion of data elements",
            "B006 | Elements discarded",
            "B007 | Data Set does not match SOP Class",
    })
    void storageGivesCodesAndRangesOfTableB21(String hex, String meaning) {
        assertEquals(meaning, meaning(Integer.parseInt(hex, 16), STORAGE));
    }

    @Test
    void storageKnowsNothingOutsideItsRanges() {
        assertEquals("unknown status", meaning(0xA800, STORAGE));
        assertEquals("unknown status", meaning(0xB001, STORAGE));
        assertEquals("unknown status", meaning(0xA6FF, STORAGE));
        assertEquals("Refused: SOP Class not supported", meaning(0x0122, STORAGE));
    }

    @Test
    void nonPatientObjectStorageHasSingleCodesNotRanges() {
        assertEquals("Refused: Out of resources", meaning(0xA700, NON_PATIENT_OBJECT_STORAGE));
        assertEquals("Error: Data Set does not match SOP Class", meaning(0xA900, NON_PATIENT_OBJECT_STORAGE));
        assertEquals("Error: Cannot understand", meaning(0xC000, NON_PATIENT_OBJECT_STORAGE));
        assertEquals("unknown status", meaning(0xC001, NON_PATIENT_OBJECT_STORAGE));
        assertEquals("unknown status", meaning(0xB000, NON_PATIENT_OBJECT_STORAGE));
    }

    @ParameterizedTest(name = "Query/Retrieve 0x{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "A700 | Refused: Out of resources",
            "A701 | Refused: Out of resources - unable to calculate number of matches",
            "A702 | Refused: Out of resources - unable to perform sub-operations",
            "A801 | Refused: Move destination unknown",
            "A900 | Error: Data Set does not match SOP Class",
            "C000 | Failed: Unable to process",
            "C5AB | Failed: Unable to process",
            "B000 | Sub-operations complete: one or more failures or warnings",
            "FE00 | Matching or sub-operations terminated due to Cancel request",
            "FF00 | Matches or sub-operations are continuing",
            "FF01 | Matches are continuing: one or more optional keys were not supported",
            "AA00 | None of the frames requested were found in the SOP Instance",
            "AA03 | Time-based request received for a non-time-based original SOP Instance",
            "AA04 | Invalid request",
    })
    void queryRetrieveGivesFindMoveGetAndFrameLevelCodes(String hex, String meaning) {
        assertEquals(meaning, meaning(Integer.parseInt(hex, 16), QUERY_RETRIEVE));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"HANGING_PROTOCOL_QR", "COLOR_PALETTE_QR", "DEFINED_PROCEDURE_PROTOCOL_QR",
            "IMPLANT_TEMPLATE_QR", "PROTOCOL_APPROVAL_QR", "INVENTORY_QR"})
    void queryRetrieveFamiliesShareTheCodesButNotFrameLevelRetrieve(ServiceClass service) {
        assertEquals("Refused: Move destination unknown", meaning(0xA801, service));
        assertEquals("Sub-operations complete: one or more failures or warnings", meaning(0xB000, service));
        assertEquals("Failed: Unable to process", meaning(0xC123, service));
        assertEquals("Matches or sub-operations are continuing", meaning(0xFF00, service));
        assertEquals("unknown status", meaning(0xAA00, service));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"BASIC_WORKLIST_MANAGEMENT", "SUBSTANCE_ADMINISTRATION_QUERY"})
    void findOnlyServicesSpeakOfMatchesNotSubOperations(ServiceClass service) {
        assertEquals("Refused: Out of resources", meaning(0xA700, service));
        assertEquals("Failed: Unable to process", meaning(0xCFFF, service));
        assertEquals("Matching terminated due to Cancel request", meaning(0xFE00, service));
        assertEquals("Matches are continuing: current match supplied, optional keys supported as required keys",
                meaning(0xFF00, service));
        assertEquals("Matches are continuing: one or more optional keys were not supported", meaning(0xFF01, service));
        assertEquals("unknown status", meaning(0xA801, service));
        assertEquals("unknown status", meaning(0xB000, service));
    }

    @Test
    void relevantPatientInformationQueryHasItsOwnFailures() {
        assertEquals("Failed: Unable to process", meaning(0xC000, RELEVANT_PATIENT_INFORMATION_QUERY));
        assertEquals("Failed: More than one match found", meaning(0xC100, RELEVANT_PATIENT_INFORMATION_QUERY));
        assertEquals("Failed: Unable to support requested template", meaning(0xC200, RELEVANT_PATIENT_INFORMATION_QUERY));
        assertEquals("Error: Identifier does not match SOP Class", meaning(0xA900, RELEVANT_PATIENT_INFORMATION_QUERY));
        assertEquals("Matches are continuing: current match supplied", meaning(0xFF00, RELEVANT_PATIENT_INFORMATION_QUERY));
        assertEquals("unknown status", meaning(0xC001, RELEVANT_PATIENT_INFORMATION_QUERY));
    }

    @Test
    void procedureStepNamesTheErrorIdOfProcessingFailure() {
        assertEquals("Processing failure (with Error ID A710: Performed Procedure Step Object may no longer be updated)",
                meaning(0x0110, PROCEDURE_STEP));
        assertEquals("Requested optional Attributes are not supported", meaning(0x0001, PROCEDURE_STEP));
        assertEquals("Missing attribute", meaning(0x0120, PROCEDURE_STEP));
    }

    @ParameterizedTest(name = "UPS 0x{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "0001 | Requested optional Attributes are not supported",
            "B300 | The UPS was created with modifications",
            "B301 | Deletion Lock not granted",
            "B304 | The UPS is already in the requested state of CANCELED",
            "B305 | Coerced invalid values to valid values",
            "B306 | The UPS is already in the requested state of COMPLETED",
            "C300 | Failed: The UPS may no longer be updated",
            "C301 | Failed: The correct Transaction UID was not provided",
            "C302 | Failed: The UPS is already IN PROGRESS",
            "C307 | Failed: Specified SOP Instance UID does not exist or is not a UPS Instance managed by this SCP",
            "C309 | Failed: The provided value of UPS State was not SCHEDULED",
            "C310 | Failed: The UPS is not in the IN PROGRESS state",
            "C311 | Refused: The UPS is already COMPLETED",
            "C315 | Refused: SCP does not support Event Reports",
            "C316 | Failed: Unable to process",
            "A700 | Refused: Out of resources",
            "FF01 | Matches are continuing: one or more optional keys were not supported",
    })
    void unifiedProcedureStepCodesWinOverTheFindRange(String hex, String meaning) {
        assertEquals(meaning, meaning(Integer.parseInt(hex, 16), UNIFIED_PROCEDURE_STEP));
    }

    @ParameterizedTest(name = "Print 0x{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "B600 | Memory allocation not supported",
            "B601 | Film session printing (collation) is not supported",
            "B602 | Film Session SOP Instance hierarchy does not contain Image Box SOP Instances (empty page)",
            "B603 | Film Box SOP Instance hierarchy does not contain Image Box SOP Instances (empty page)",
            "B604 | Image size is larger than image box size, the image has been demagnified",
            "B609 | Image size is larger than the Image Box size, the image has been cropped to fit",
            "C600 | Failed: Film Session SOP Instance hierarchy does not contain Film Box SOP Instances",
            "C601 | Failed: Unable to create Print Job SOP Instance; print queue is full",
            "C602 | Failed: Unable to create Print Job SOP Instance; print queue is full",
            "C603 | Failed: Image size is larger than image box size",
            "C605 | Failed: Insufficient memory in printer to store the image",
            "C613 | Failed: Combined Print Image size is larger than the Image Box size",
    })
    void printManagementGivesTheCodesOfAnnexH(String hex, String meaning) {
        assertEquals(meaning, meaning(Integer.parseInt(hex, 16), PRINT_MANAGEMENT));
    }

    @Test
    void printManagementHasNoRanges() {
        assertEquals("unknown status", meaning(0xC604, PRINT_MANAGEMENT));
        assertEquals("unknown status", meaning(0xB606, PRINT_MANAGEMENT));
        assertTrue(meaning(0xC616, PRINT_MANAGEMENT).startsWith("Failed: There is an existing Film Box that has not been printed"));
        assertTrue(meaning(0xB605, PRINT_MANAGEMENT).startsWith("Requested Min Density or Max Density outside"));
    }

    @Test
    void mediaCreationManagementGivesItsActionFailures() {
        assertEquals("Failed: an Initiate Media Creation action has already been received for this SOP Instance",
                meaning(0xA510, MEDIA_CREATION_MANAGEMENT));
        assertEquals("Failed: Media creation request already completed", meaning(0xC201, MEDIA_CREATION_MANAGEMENT));
        assertEquals("Failed: Media creation request already in progress and cannot be interrupted",
                meaning(0xC202, MEDIA_CREATION_MANAGEMENT));
        assertEquals("Failed: Cancellation denied for unspecified reason", meaning(0xC203, MEDIA_CREATION_MANAGEMENT));
    }

    @Test
    void applicationEventLoggingGivesProceduralAndSubstanceAdministrationCodes() {
        assertEquals("IDs inconsistent in matching a current study; Event logged", meaning(0xB104, APPLICATION_EVENT_LOGGING));
        assertEquals("Procedural Logging not available for specified Study Instance UID",
                meaning(0xC101, APPLICATION_EVENT_LOGGING));
        assertEquals("Cannot match event to a current study", meaning(0xC103, APPLICATION_EVENT_LOGGING));
        assertEquals("Update of Medication Administration Record failed", meaning(0xC111, APPLICATION_EVENT_LOGGING));
        assertEquals("unknown status", meaning(0xB103, APPLICATION_EVENT_LOGGING));
    }

    @Test
    void rtMachineVerificationGivesItsFailures() {
        assertEquals("Failed: No such object instance - Machine Verification requested instance not found",
                meaning(0xC112, RT_MACHINE_VERIFICATION));
        assertEquals("Failed: The Referenced Fraction Group Number does not exist in the referenced plan",
                meaning(0xC221, RT_MACHINE_VERIFICATION));
        assertEquals("Failed: No such object instance - Referenced RT Plan not found", meaning(0xC227, RT_MACHINE_VERIFICATION));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"VERIFICATION", "INSTANCE_AVAILABILITY_NOTIFICATION", "STORAGE_COMMITMENT",
            "DISPLAY_SYSTEM_MANAGEMENT", "STORAGE_MANAGEMENT"})
    void servicesWithoutATableGiveTheGeneralMeaning(ServiceClass service) {
        assertEquals("Processing failure", meaning(0x0110, service));
        assertEquals("Refused: Not authorized", meaning(0x0124, service));
        assertEquals("Cancel", meaning(0xFE00, service));
        assertEquals("unknown status", meaning(0xA700, service));
        assertEquals("unknown status", meaning(0xC000, service));
    }

    /** PS3.7 Annex C: 01xx and 02xx "shall not be modified by a Service Class definition". */
    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceClass.class)
    void noServiceRedefinesTheReservedGeneralCodes(ServiceClass service) {
        for (int code = 0x0100; code <= 0x02FF; code++) {
            if (service == PROCEDURE_STEP && code == 0x0110) {
                continue; // the same failure, with the Error ID that PS3.4 F.7.2.2.4 attaches
            }
            assertEquals(Status.of(code).meaning(), meaning(code, service), String.format("0x%04X", code));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServiceClass.class)
    void everyServiceKnowsSuccessAndNoServiceKnowsUndefinedCodes(ServiceClass service) {
        assertEquals("Success", meaning(0x0000, service));
        assertEquals("unknown status", meaning(0x9ABC, service));
        assertEquals("unknown status", meaning(0xFFFF, service));
    }

    @Test
    void rejectsAMissingService() {
        assertThrows(NullPointerException.class, () -> Status.SUCCESS.meaning((ServiceClass) null));
    }
}
