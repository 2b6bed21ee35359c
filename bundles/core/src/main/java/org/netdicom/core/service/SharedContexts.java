package org.netdicom.core.service;

import java.util.List;
import java.util.Map;

/**
 * Which SOP classes a presentation context of another SOP class carries, for the DIMSE-N services:
 * <ul>
 * <li>a context of a Print Management meta SOP class carries the SOP classes the meta class
 * bundles (PS3.4 H.3): Basic Film Session, Basic Film Box, the image box of its colour, and
 * Printer. Requests name the member SOP class; only the meta class is negotiated.</li>
 * <li>a context of any UPS SOP class with DIMSE-N operations (Push, Watch, Pull, Event) carries
 * the UPS Push SOP class: every worklist item is an instance of it, whichever UPS SOP class was
 * negotiated (PS3.4 CC.3.1).</li>
 * </ul>
 * (Basic Grayscale/Color Print Management Meta SOP classes only; the retired Referenced and Pull
 * Stored Print meta classes are not carried.)
 */
public final class SharedContexts {

    public static final String BASIC_FILM_SESSION = "1.2.840.10008.5.1.1.1";
    public static final String BASIC_FILM_BOX = "1.2.840.10008.5.1.1.2";
    public static final String BASIC_GRAYSCALE_IMAGE_BOX = "1.2.840.10008.5.1.1.4";
    public static final String BASIC_COLOR_IMAGE_BOX = "1.2.840.10008.5.1.1.4.1";
    public static final String PRINTER = "1.2.840.10008.5.1.1.16";
    public static final String BASIC_GRAYSCALE_PRINT_MANAGEMENT_META = "1.2.840.10008.5.1.1.9";
    public static final String BASIC_COLOR_PRINT_MANAGEMENT_META = "1.2.840.10008.5.1.1.18";
    public static final String UPS_PUSH = "1.2.840.10008.5.1.4.34.6.1";
    public static final String UPS_WATCH = "1.2.840.10008.5.1.4.34.6.2";
    public static final String UPS_PULL = "1.2.840.10008.5.1.4.34.6.3";
    public static final String UPS_EVENT = "1.2.840.10008.5.1.4.34.6.4";

    /** Context SOP class -> the other SOP classes it carries. */
    private static final Map<String, List<String>> CARRIED = Map.of(
            BASIC_GRAYSCALE_PRINT_MANAGEMENT_META,
            List.of(BASIC_FILM_SESSION, BASIC_FILM_BOX, BASIC_GRAYSCALE_IMAGE_BOX, PRINTER),
            BASIC_COLOR_PRINT_MANAGEMENT_META,
            List.of(BASIC_FILM_SESSION, BASIC_FILM_BOX, BASIC_COLOR_IMAGE_BOX, PRINTER),
            UPS_WATCH, List.of(UPS_PUSH),
            UPS_PULL, List.of(UPS_PUSH),
            UPS_EVENT, List.of(UPS_PUSH));

    /** SOP class -> the context SOP classes that carry it, in the order a requestor prefers them. */
    private static final Map<String, List<String>> CARRIERS = Map.of(
            BASIC_FILM_SESSION, List.of(BASIC_GRAYSCALE_PRINT_MANAGEMENT_META, BASIC_COLOR_PRINT_MANAGEMENT_META),
            BASIC_FILM_BOX, List.of(BASIC_GRAYSCALE_PRINT_MANAGEMENT_META, BASIC_COLOR_PRINT_MANAGEMENT_META),
            PRINTER, List.of(BASIC_GRAYSCALE_PRINT_MANAGEMENT_META, BASIC_COLOR_PRINT_MANAGEMENT_META),
            BASIC_GRAYSCALE_IMAGE_BOX, List.of(BASIC_GRAYSCALE_PRINT_MANAGEMENT_META),
            BASIC_COLOR_IMAGE_BOX, List.of(BASIC_COLOR_PRINT_MANAGEMENT_META),
            UPS_PUSH, List.of(UPS_PULL, UPS_WATCH, UPS_EVENT));

    private SharedContexts() {
    }

    /** True if a context of {@code contextSopClass} may carry a request naming {@code sopClass}. */
    public static boolean carries(String contextSopClass, String sopClass) {
        return contextSopClass.equals(sopClass) || CARRIED.getOrDefault(contextSopClass, List.of()).contains(sopClass);
    }

    /** True if {@code contextSopClass} is a meta SOP class whose members name themselves in requests. */
    public static boolean isMeta(String contextSopClass) {
        return contextSopClass.equals(BASIC_GRAYSCALE_PRINT_MANAGEMENT_META)
                || contextSopClass.equals(BASIC_COLOR_PRINT_MANAGEMENT_META);
    }

    /**
     * The SOP classes, other than {@code sopClass} itself, whose contexts carry it, in order of
     * preference: grayscale before color print management, then UPS Pull, Watch, Event.
     */
    public static List<String> carriersOf(String sopClass) {
        return CARRIERS.getOrDefault(sopClass, List.of());
    }
}
