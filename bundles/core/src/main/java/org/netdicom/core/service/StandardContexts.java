package org.netdicom.core.service;

import org.netdicom.core.api.ApplicationEntity;

/** UIDs of the SOP classes and transfer syntaxes that the built-in services support (PS3.6 Annex A). */
public final class StandardContexts {

    public static final String VERIFICATION = "1.2.840.10008.1.1";
    public static final String IMPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2";
    public static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";
    public static final String EXPLICIT_VR_BIG_ENDIAN = "1.2.840.10008.1.2.2";

    private StandardContexts() {
    }

    /** Verification with the uncompressed transfer syntaxes, explicit little endian first. */
    public static ApplicationEntity addVerification(ApplicationEntity ae) {
        return ae.addSupportedContext(VERIFICATION, EXPLICIT_VR_LITTLE_ENDIAN, IMPLICIT_VR_LITTLE_ENDIAN,
                EXPLICIT_VR_BIG_ENDIAN);
    }
}
