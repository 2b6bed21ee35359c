package org.netdicom.core.api;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A DIMSE status (0000,0900): its {@linkplain #category() category} by the classes of PS3.7 Annex C,
 * its general {@linkplain #meaning() meaning} (PS3.7 Annex C) and its meaning for the service class
 * that answered ({@link #meaning(ServiceClass)}, PS3.4).
 *
 * <p>A value: statuses with the same code are equal. {@link #of(int)} hands out the constants below
 * for their codes, so {@code Status.of(0xA801) == Status.MOVE_DESTINATION_UNKNOWN}, but compare with
 * {@code equals}. {@link #toString()} is short, for logs: {@code 0xA801 (FAILURE)}.
 */
public record Status(int code) {

    /** What a status means for the operation (PS3.7 Annex C). */
    public enum Category { SUCCESS, WARNING, FAILURE, CANCEL, PENDING }

    /** What {@link #meaning()} and {@link #meaning(ServiceClass)} return for a code the standard does not define. */
    public static final String UNKNOWN_MEANING = "unknown status";

    /** 0000: the operation completed (PS3.7 C.1.1). */
    public static final Status SUCCESS = new Status(0x0000);
    /** FE00: the operation was canceled at the requestor's request (PS3.7 C.3.1). */
    public static final Status CANCEL = new Status(0xFE00);
    /** FF00: matches or sub-operations are continuing, more responses follow (PS3.7 C.2). */
    public static final Status PENDING = new Status(0xFF00);
    /**
     * FF01: C-FIND matches are continuing, but one or more optional keys were not supported for
     * this identifier (PS3.4 C.4.1.1.4).
     */
    public static final Status PENDING_WARNING = new Status(0xFF01);

    /** 0107, a warning: attributes in the request were not recognized (PS3.7 C.4). */
    public static final Status ATTRIBUTE_LIST_ERROR = new Status(0x0107);
    /** 0116, a warning: an attribute value was out of range (PS3.7 C.4). */
    public static final Status ATTRIBUTE_VALUE_OUT_OF_RANGE = new Status(0x0116);

    /** 0105: an attribute tag was not recognized (PS3.7 C.5). */
    public static final Status NO_SUCH_ATTRIBUTE = new Status(0x0105);
    /** 0106: an attribute value is out of range or otherwise inappropriate (PS3.7 C.5). */
    public static final Status INVALID_ATTRIBUTE_VALUE = new Status(0x0106);
    /** 0110: a general failure in processing the operation (PS3.7 C.5). */
    public static final Status PROCESSING_FAILURE = new Status(0x0110);
    /** 0111: the SOP Instance to create already exists (PS3.7 C.5). */
    public static final Status DUPLICATE_SOP_INSTANCE = new Status(0x0111);
    /** 0112: the SOP Instance is not known to the peer (PS3.7 C.5). */
    public static final Status NO_SUCH_SOP_INSTANCE = new Status(0x0112);
    /** 0113: the event type is not recognized (PS3.7 C.5). */
    public static final Status NO_SUCH_EVENT_TYPE = new Status(0x0113);
    /** 0114: the event or action information is not supported (PS3.7 C.5). */
    public static final Status NO_SUCH_ARGUMENT = new Status(0x0114);
    /** 0115: an event or action information value is out of range or otherwise inappropriate (PS3.7 C.5). */
    public static final Status INVALID_ARGUMENT_VALUE = new Status(0x0115);
    /** 0117: the SOP Instance UID breaks the UID rules (PS3.7 C.5). */
    public static final Status INVALID_SOP_INSTANCE = new Status(0x0117);
    /** 0118: the SOP Class is not recognized (PS3.7 C.5). */
    public static final Status NO_SUCH_SOP_CLASS = new Status(0x0118);
    /** 0119: the SOP Instance does not belong to the SOP Class given (PS3.7 C.5). */
    public static final Status CLASS_INSTANCE_CONFLICT = new Status(0x0119);
    /** 0120: a required attribute is missing (PS3.7 C.5). */
    public static final Status MISSING_ATTRIBUTE = new Status(0x0120);
    /** 0121: a required attribute has no value (PS3.7 C.5). */
    public static final Status MISSING_ATTRIBUTE_VALUE = new Status(0x0121);
    /** 0122: the peer does not support the SOP Class (PS3.7 C.5). */
    public static final Status SOP_CLASS_NOT_SUPPORTED = new Status(0x0122);
    /** 0123: the action type is not recognized (PS3.7 C.5). */
    public static final Status NO_SUCH_ACTION = new Status(0x0123);
    /** 0124: the requestor is not authorized for the operation (PS3.7 C.5). */
    public static final Status NOT_AUTHORIZED = new Status(0x0124);
    /** 0210: the Message ID is already in use by another operation (PS3.7 C.5). */
    public static final Status DUPLICATE_INVOCATION = new Status(0x0210);
    /** 0211: the operation is not one agreed between the peers (PS3.7 C.5). */
    public static final Status UNRECOGNIZED_OPERATION = new Status(0x0211);
    /** 0212: a parameter was not agreed for use on the association (PS3.7 C.5). */
    public static final Status MISTYPED_ARGUMENT = new Status(0x0212);
    /** 0213: the peer lacks the resources for the operation (PS3.7 C.5). */
    public static final Status RESOURCE_LIMITATION = new Status(0x0213);

    /** A700: refused, out of resources (Storage A7xx, PS3.4 B.2.3; C-FIND, PS3.4 C.4.1.1.4). */
    public static final Status OUT_OF_RESOURCES = new Status(0xA700);
    /** A701: C-MOVE or C-GET refused, out of resources to count the matches (PS3.4 C.4.2.1.5). */
    public static final Status OUT_OF_RESOURCES_NUMBER_OF_MATCHES = new Status(0xA701);
    /** A702: C-MOVE or C-GET refused, out of resources to perform the sub-operations (PS3.4 C.4.2.1.5). */
    public static final Status OUT_OF_RESOURCES_SUB_OPERATIONS = new Status(0xA702);
    /** A801: C-MOVE refused, the move destination is unknown (PS3.4 C.4.2.1.5). */
    public static final Status MOVE_DESTINATION_UNKNOWN = new Status(0xA801);
    /** A900: the data set or identifier does not match the SOP Class (Storage A9xx, PS3.4 B.2.3; C.4). */
    public static final Status DATA_SET_DOES_NOT_MATCH_SOP_CLASS = new Status(0xA900);
    /** C000: Storage's "cannot understand", first of the Cxxx range (PS3.4 B.2.3); same code as {@link #UNABLE_TO_PROCESS}. */
    public static final Status CANNOT_UNDERSTAND = new Status(0xC000);
    /** C000: Query/Retrieve's "unable to process", first of the Cxxx range (PS3.4 C.4); same code as {@link #CANNOT_UNDERSTAND}. */
    public static final Status UNABLE_TO_PROCESS = CANNOT_UNDERSTAND;
    /** B000, a C-STORE warning: the SCP coerced data elements (PS3.4 B.2.3); same code as {@link #SUB_OPERATIONS_WITH_FAILURES}. */
    public static final Status COERCION_OF_DATA_ELEMENTS = new Status(0xB000);
    /**
     * B000, a C-MOVE or C-GET warning: the sub-operations completed, one or more with a failure or
     * warning (PS3.4 C.4.2.1.5); same code as {@link #COERCION_OF_DATA_ELEMENTS}.
     */
    public static final Status SUB_OPERATIONS_WITH_FAILURES = COERCION_OF_DATA_ELEMENTS;
    /** B006, a C-STORE warning: the SCP discarded data elements (PS3.4 B.2.3). */
    public static final Status ELEMENTS_DISCARDED = new Status(0xB006);
    /** B007, a C-STORE warning: the data set does not match the SOP Class, stored anyway (PS3.4 B.2.3). */
    public static final Status DATA_SET_DOES_NOT_MATCH_SOP_CLASS_WARNING = new Status(0xB007);

    private static final Map<Integer, Status> CONSTANTS = Stream.of(SUCCESS, CANCEL, PENDING, PENDING_WARNING,
                    ATTRIBUTE_LIST_ERROR, ATTRIBUTE_VALUE_OUT_OF_RANGE, NO_SUCH_ATTRIBUTE, INVALID_ATTRIBUTE_VALUE,
                    PROCESSING_FAILURE, DUPLICATE_SOP_INSTANCE, NO_SUCH_SOP_INSTANCE, NO_SUCH_EVENT_TYPE,
                    NO_SUCH_ARGUMENT, INVALID_ARGUMENT_VALUE, INVALID_SOP_INSTANCE, NO_SUCH_SOP_CLASS,
                    CLASS_INSTANCE_CONFLICT, MISSING_ATTRIBUTE, MISSING_ATTRIBUTE_VALUE, SOP_CLASS_NOT_SUPPORTED,
                    NO_SUCH_ACTION, NOT_AUTHORIZED, DUPLICATE_INVOCATION, UNRECOGNIZED_OPERATION, MISTYPED_ARGUMENT,
                    RESOURCE_LIMITATION, OUT_OF_RESOURCES, OUT_OF_RESOURCES_NUMBER_OF_MATCHES,
                    OUT_OF_RESOURCES_SUB_OPERATIONS, MOVE_DESTINATION_UNKNOWN, DATA_SET_DOES_NOT_MATCH_SOP_CLASS,
                    CANNOT_UNDERSTAND, COERCION_OF_DATA_ELEMENTS, ELEMENTS_DISCARDED,
                    DATA_SET_DOES_NOT_MATCH_SOP_CLASS_WARNING)
            .collect(Collectors.toUnmodifiableMap(Status::code, Function.identity()));

    /**
     * @throws IllegalArgumentException if {@code code} does not fit the 16 bits of (0000,0900)
     */
    public Status {
        if (code < 0 || code > 0xFFFF) {
            throw new IllegalArgumentException("status " + code + " is not a 16-bit value");
        }
    }

    /**
     * The status with {@code code}: the constant of this class if there is one, else a new value.
     *
     * @throws IllegalArgumentException if {@code code} does not fit the 16 bits of (0000,0900)
     */
    public static Status of(int code) {
        Status constant = CONSTANTS.get(code);
        return constant != null ? constant : new Status(code);
    }

    /**
     * The class of the code by PS3.7 Annex C. A code outside every class, which implementations
     * shall not send, is a {@link Category#FAILURE}: the peer has not reported success.
     */
    public Category category() {
        if (code == 0x0000) {
            return Category.SUCCESS;
        }
        if (code == 0xFE00) {
            return Category.CANCEL;
        }
        if (code == 0xFF00 || code == 0xFF01) {
            return Category.PENDING;
        }
        // PS3.7 Annex C: 0001, Bxxx, 0107 and 0116 are warnings; Axxx, Cxxx and the rest of 01xx and 02xx failures.
        if (code == 0x0001 || code == 0x0107 || code == 0x0116 || (code & 0xF000) == 0xB000) {
            return Category.WARNING;
        }
        return Category.FAILURE;
    }

    /** Whether the code is 0000, Success. */
    public boolean isSuccess() {
        return code == 0x0000;
    }

    /**
     * The meaning PS3.7 Annex C gives this code whatever the service, e.g. "No such SOP Class" for
     * 0118; {@value #UNKNOWN_MEANING} for a code it leaves to the service classes, such as A801.
     */
    public String meaning() {
        String general = GeneralStatusMeanings.TABLE.find(code);
        return general != null ? general : UNKNOWN_MEANING;
    }

    /**
     * The meaning of this code in a response of {@code service}: the code's own meaning in PS3.4, or
     * that of the range PS3.4 puts it in (any Cxxx is "Error: Cannot understand" for
     * {@link ServiceClass#STORAGE}), else the {@linkplain #meaning() general meaning}. Query/Retrieve
     * services are looked up as a whole, so FE00 and FF00 read "matching or sub-operations".
     */
    public String meaning(ServiceClass service) {
        Objects.requireNonNull(service, "service");
        String specific = StatusMeanings.of(service).find(code);
        return specific != null ? specific : meaning();
    }

    /**
     * The meaning of this status in a response about {@code sopClassUid} (e.g. the Affected SOP
     * Class UID of the response): as {@link #meaning(ServiceClass)} for its service class, or the
     * general meaning when the SOP class is unknown.
     */
    public String meaning(String sopClassUid) {
        ServiceClass service = sopClassUid == null ? null : ServiceClass.of(sopClassUid);
        return service == null ? meaning() : meaning(service);
    }

    /** The code in hexadecimal and its category, e.g. {@code 0xA801 (FAILURE)}. */
    @Override
    public String toString() {
        // not String.format: a tool prints one per instance, and a Formatter parses its pattern each time
        String hex = Integer.toHexString(code).toUpperCase(Locale.ROOT);
        return "0x" + "000".substring(Math.min(3, hex.length() - 1)) + hex + " (" + category() + ")";
    }
}
