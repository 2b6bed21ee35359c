package org.netdicom.tools.scu;

import picocli.CommandLine.Option;

/**
 * The query/retrieve information model, chosen with DCMTK's flags: -P Patient Root, -S Study Root
 * (the default), -O Patient/Study Only (retired, still served by some archives), -W Modality
 * Worklist (findscu only). Each has its FIND, MOVE and GET SOP classes (PS3.4 C.6) and the level
 * a query gets when -k does not set Query/Retrieve Level.
 */
final class QueryModel {

    enum Model {
        PATIENT_ROOT("Patient Root", "1.2.840.10008.5.1.4.1.2.1.1", "1.2.840.10008.5.1.4.1.2.1.2",
                "1.2.840.10008.5.1.4.1.2.1.3", "PATIENT"),
        STUDY_ROOT("Study Root", "1.2.840.10008.5.1.4.1.2.2.1", "1.2.840.10008.5.1.4.1.2.2.2",
                "1.2.840.10008.5.1.4.1.2.2.3", "STUDY"),
        PATIENT_STUDY_ONLY("Patient/Study Only", "1.2.840.10008.5.1.4.1.2.3.1", "1.2.840.10008.5.1.4.1.2.3.2",
                "1.2.840.10008.5.1.4.1.2.3.3", "PATIENT"),
        /** PS3.4 K.6: no level, no retrieve. */
        WORKLIST("Modality Worklist", "1.2.840.10008.5.1.4.31", null, null, null);

        final String title;
        final String find;
        final String move;
        final String get;
        final String defaultLevel;

        Model(String title, String find, String move, String get, String defaultLevel) {
            this.title = title;
            this.find = find;
            this.move = move;
            this.get = get;
            this.defaultLevel = defaultLevel;
        }
    }

    @Option(names = {"-P", "--patient"}, description = "Patient Root information model.")
    boolean patient;

    @Option(names = {"-S", "--study"}, description = "Study Root information model (the default).")
    boolean study;

    @Option(names = {"-O", "--psonly"}, description = "Patient/Study Only information model.")
    boolean patientStudyOnly;

    /** Whether -W is offered (findscu); getscu and movescu have no worklist. */
    boolean worklist;

    Model model() {
        int chosen = (patient ? 1 : 0) + (study ? 1 : 0) + (patientStudyOnly ? 1 : 0) + (worklist ? 1 : 0);
        if (chosen > 1) {
            throw new IllegalArgumentException("choose one information model: -P, -S, -O" + " or -W");
        }
        return patient ? Model.PATIENT_ROOT : patientStudyOnly ? Model.PATIENT_STUDY_ONLY
                : worklist ? Model.WORKLIST : Model.STUDY_ROOT;
    }
}
