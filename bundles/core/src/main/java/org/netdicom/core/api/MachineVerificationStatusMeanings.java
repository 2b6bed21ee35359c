package org.netdicom.core.api;

/** Status meanings of the RT Machine Verification service class, PS3.4 DD.3. */
final class MachineVerificationStatusMeanings {

    static final StatusTable TABLE = StatusTable.builder()
            // N-CREATE, DD.3.2.1
            .code(0xC221, "Failed: The Referenced Fraction Group Number does not exist in the referenced plan")
            .code(0xC222, "Failed: No beams exist within the referenced fraction group")
            .code(0xC223, "Failed: SCU already verifying and cannot currently process this request")
            .code(0xC227, "Failed: No such object instance - Referenced RT Plan not found")
            // N-ACTION, DD.3.2.3 Table DD.3.2.3-2
            .code(0xC112, "Failed: No such object instance - Machine Verification requested instance not found")
            .build();

    private MachineVerificationStatusMeanings() {
    }
}
