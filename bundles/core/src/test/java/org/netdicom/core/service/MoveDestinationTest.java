package org.netdicom.core.service;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.data.dict.UidRegistry;

class MoveDestinationTest {

    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    private static final String EXPLICIT = "1.2.840.10008.1.2.1";

    private static List<String> proposed(String first) {
        return MoveDestination.withStorageContexts(new ApplicationEntity("QRSCP"), first, EXPLICIT).requestedContexts()
                .stream().map(Map.Entry::getKey).toList();
    }

    @Test
    void theDefaultContextsHoldTheCommonStorageClassesWithinTheLimit() {
        // A C-MOVE handler that names no requestor of its own gets these: a study of CT, RT and
        // For Processing X-ray instances must find a context for each (in the registry's order,
        // RT Dose and the For Processing classes fell past the 128th)
        List<String> classes = proposed(CT);
        assertEquals(CT, classes.get(0));
        assertTrue(classes.size() <= 128, classes.size() + " contexts");
        for (String keyword : List.of("RTDoseStorage", "RTPlanStorage", "RTStructureSetStorage", "RTImageStorage",
                "EnhancedPETImageStorage", "DigitalXRayImageStorageForProcessing",
                "DigitalMammographyXRayImageStorageForPresentation", "SecondaryCaptureImageStorage",
                "EncapsulatedPDFStorage", "KeyObjectSelectionDocumentStorage")) {
            String uid = UidRegistry.entryByKeyword(keyword).uid();
            assertTrue(classes.contains(uid), keyword);
        }
        assertFalse(classes.contains("1.2.840.10008.1.3.10"), "no DICOMDIR: media only");
        assertEquals(classes.size(), classes.stream().distinct().count(), "each class once");
    }
}
