package org.netdicom.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AssociationsCommandTest {

    @Test
    void printsThePeerItsAgeAndContexts() {
        String out = Printed.by(o -> AssociationsCommand.print(SampleReport.withOneServer(), o));
        String row = Printed.line(out, "MODALITY1");
        assertTrue(row.matches(".*ARCHIVE:11112.*MODALITY1.*ARCHIVE.*10\\.0\\.0\\.7:50123.*established.*4s.*3.*"), row);
    }

    @Test
    void saysSoWhenNoneIsOpen() {
        String out = Printed.by(o -> AssociationsCommand.print(SampleReport.empty(), o));
        assertTrue(out.contains("No association is open"), out);
    }
}
