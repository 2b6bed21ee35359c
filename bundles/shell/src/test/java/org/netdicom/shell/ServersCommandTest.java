package org.netdicom.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ServersCommandTest {

    @Test
    void printsEachServerWithItsAddressAssociationsAndCounters() {
        String out = Printed.by(o -> ServersCommand.print(SampleReport.withOneServer(), o));
        String row = Printed.line(out, "ARCHIVE");
        assertTrue(row.matches(".*ARCHIVE.*0\\.0\\.0\\.0.*11112.*no.*LISTENING.*1/10.*57.*2.*1.*1234.*2m 13s.*"), row);
        assertTrue(Printed.line(out, "AE title").contains("Accepted"), out);
    }

    @Test
    void saysSoWhenNoServerListens() {
        String out = Printed.by(o -> ServersCommand.print(SampleReport.empty(), o));
        assertTrue(out.contains("No DICOM server is listening"), out);
    }
}
