package org.netdicom.core.api;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netdicom.core.api.Status.Category;

/** Status classes of PS3.7 Annex C at the edges of every range, and the general meanings. */
class StatusTest {

    @ParameterizedTest(name = "0x{0} is {1}")
    @CsvSource({
            "0000, SUCCESS",
            // warnings: 0001, 0107, 0116, Bxxx
            "0001, WARNING",
            "0107, WARNING",
            "0116, WARNING",
            "B000, WARNING",
            "B006, WARNING",
            "BFFF, WARNING",
            // failures: 01xx and 02xx except 0107 and 0116, Axxx, Cxxx
            "0100, FAILURE",
            "0105, FAILURE",
            "0106, FAILURE",
            "0108, FAILURE",
            "0110, FAILURE",
            "0115, FAILURE",
            "0117, FAILURE",
            "0124, FAILURE",
            "01FF, FAILURE",
            "0200, FAILURE",
            "0213, FAILURE",
            "02FF, FAILURE",
            "A000, FAILURE",
            "A801, FAILURE",
            "AFFF, FAILURE",
            "C000, FAILURE",
            "CFFF, FAILURE",
            "FE00, CANCEL",
            "FF00, PENDING",
            "FF01, PENDING",
    })
    void categorisesByTheClassesOfPs37AnnexC(String hex, Category expected) {
        assertEquals(expected, Status.of(Integer.parseInt(hex, 16)).category());
    }

    @ParameterizedTest(name = "0x{0}")
    @CsvSource({"0002", "00FF", "0300", "9FFF", "D000", "FDFF", "FE01", "FEFF", "FF02", "FFFF"})
    void treatsCodesOutsideEveryClassAsFailure(String hex) {
        Status status = Status.of(Integer.parseInt(hex, 16));
        assertEquals(Category.FAILURE, status.category());
        assertEquals(Status.UNKNOWN_MEANING, status.meaning());
    }

    @Test
    void givesTheConstantForAKnownCodeAndAnEqualValueForAnyOther() {
        assertSame(Status.MOVE_DESTINATION_UNKNOWN, Status.of(0xA801));
        assertSame(Status.SUCCESS, Status.of(0));
        assertEquals(new Status(0xA801), Status.of(0xA801));
        assertEquals(new Status(0xC123), Status.of(0xC123));
        assertEquals(0xC123, Status.of(0xC123).code());
        assertEquals(new Status(0xC123).hashCode(), Status.of(0xC123).hashCode());
    }

    @Test
    void aliasesShareTheirCode() {
        assertEquals(0xC000, Status.UNABLE_TO_PROCESS.code());
        assertEquals(Status.CANNOT_UNDERSTAND, Status.UNABLE_TO_PROCESS);
        assertEquals(0xB000, Status.SUB_OPERATIONS_WITH_FAILURES.code());
        assertEquals(Status.COERCION_OF_DATA_ELEMENTS, Status.SUB_OPERATIONS_WITH_FAILURES);
    }

    @Test
    void wellKnownConstantsHaveTheCodesOfTheStandard() {
        assertEquals(0xFE00, Status.CANCEL.code());
        assertEquals(0xFF00, Status.PENDING.code());
        assertEquals(0xFF01, Status.PENDING_WARNING.code());
        assertEquals(0x0110, Status.PROCESSING_FAILURE.code());
        assertEquals(0x0211, Status.UNRECOGNIZED_OPERATION.code());
        assertEquals(0x0122, Status.SOP_CLASS_NOT_SUPPORTED.code());
        assertEquals(0xA700, Status.OUT_OF_RESOURCES.code());
        assertEquals(0xA701, Status.OUT_OF_RESOURCES_NUMBER_OF_MATCHES.code());
        assertEquals(0xA702, Status.OUT_OF_RESOURCES_SUB_OPERATIONS.code());
        assertEquals(0xA900, Status.DATA_SET_DOES_NOT_MATCH_SOP_CLASS.code());
        assertEquals(0xB006, Status.ELEMENTS_DISCARDED.code());
        assertEquals(0xB007, Status.DATA_SET_DOES_NOT_MATCH_SOP_CLASS_WARNING.code());
        assertEquals(Category.WARNING, Status.ATTRIBUTE_LIST_ERROR.category());
        assertEquals(Category.WARNING, Status.ATTRIBUTE_VALUE_OUT_OF_RANGE.category());
        assertEquals(Category.PENDING, Status.PENDING_WARNING.category());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"-1", "65536", "2147483647"})
    void rejectsCodesOutside16Bits(int code) {
        assertThrows(IllegalArgumentException.class, () -> Status.of(code));
        assertThrows(IllegalArgumentException.class, () -> new Status(code));
    }

    @Test
    void printsHexCodeAndCategory() {
        assertEquals("0xA801 (FAILURE)", Status.MOVE_DESTINATION_UNKNOWN.toString());
        assertEquals("0x0000 (SUCCESS)", Status.SUCCESS.toString());
        assertEquals("0xFF01 (PENDING)", Status.of(0xFF01).toString());
        assertEquals("0xB00A (WARNING)", Status.of(0xB00A).toString());
        assertEquals("0x0107 (WARNING)", Status.of(0x0107).toString()); // zero-padded to four digits
        assertEquals("0x0001 (WARNING)", Status.of(0x0001).toString());
    }

    @Test
    void onlySuccessIsSuccess() {
        assertTrue(Status.SUCCESS.isSuccess());
        assertFalse(Status.of(0x0001).isSuccess());
        assertFalse(Status.CANCEL.isSuccess());
    }

    @ParameterizedTest(name = "0x{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "0000 | Success",
            "0105 | No such attribute",
            "0106 | Invalid attribute value",
            "0107 | Attribute list error",
            "0110 | Processing failure",
            "0111 | Duplicate SOP Instance",
            "0112 | No such SOP Instance",
            "0113 | No such event type",
            "0114 | No such argument",
            "0115 | Invalid argument value",
            "0116 | Attribute value out of range",
            "0117 | Invalid SOP Instance",
            "0118 | No such SOP Class",
            "0119 | Class-Instance conflict",
            "0120 | Missing attribute",
            "0121 | Missing attribute value",
            "0122 | Refused: SOP Class not supported",
            "0123 | No such action",
            "0124 | Refused: Not authorized",
            "0210 | Duplicate invocation",
            "0211 | Unrecognized operation",
            "0212 | Mistyped argument",
            "0213 | Resource limitation",
            "FE00 | Cancel",
            "FF00 | Pending",
            "FF01 | Pending: one or more optional keys were not supported",
    })
    void givesTheGeneralMeaningOfPs37AnnexC(String hex, String meaning) {
        assertEquals(meaning, Status.of(Integer.parseInt(hex, 16)).meaning());
    }

    @ParameterizedTest(name = "0x{0}")
    @CsvSource({"0001", "0104", "0125", "01FF", "0214", "A700", "A801", "B000", "C000", "C307"})
    void leavesCodesOfTheServiceClassesUnknownWithoutAService(String hex) {
        assertEquals("unknown status", Status.of(Integer.parseInt(hex, 16)).meaning());
    }
}
