package org.netdicom.shell;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HandlersCommandTest {

    @Test
    void printsTheActiveHandlerAndTheShadowedOneWithTheReason() {
        String out = Printed.by(o -> HandlersCommand.print(SampleReport.withOneServer(), null, o));
        String store = Printed.line(out, "EVT_C_STORE");
        assertTrue(store.contains("service 42 (org.example.store, ranking 10)"), store);
        assertTrue(store.contains("service 43 (org.example.fallback, ranking 0): ranking 0 below 10 of service 42"),
                store);
        assertTrue(Printed.line(out, "EVT_C_ECHO").contains("a handler bound in code"), out);
        assertTrue(Printed.line(out, "EVT_ACCEPTED").contains("service 44 (org.example.audit, ranking 0)"), out);
    }

    @Test
    void printsEachHandlersCountsAndLastError() {
        String out = Printed.by(o -> HandlersCommand.print(SampleReport.withOneServer(), null, o));
        String row = Printed.line(out, "org.example.store [12]");
        assertTrue(row.matches(".*42.*org\\.example\\.store \\[12\\].*FileStore.*10.*EVT_C_STORE.*1200.*3.*disk full.*"),
                row);
        String audit = Printed.line(out, "org.example.audit [14]");
        assertTrue(audit.matches(".*Audit.*EVT_ACCEPTED.*5.*17\\s*"), audit);
    }

    @Test
    void printsInvalidHandlersWithTheReason() {
        String out = Printed.by(o -> HandlersCommand.print(SampleReport.withOneServer(), null, o));
        String row = Printed.line(out, "org.example.broken");
        assertTrue(row.contains("EVT_NO_SUCH") && row.contains("unknown event EVT_NO_SUCH"), row);
    }

    @Test
    void anEventArgumentKeepsOnlyThatEvent() {
        String out = Printed.by(o -> HandlersCommand.print(SampleReport.withOneServer(), "EVT_C_STORE", o));
        assertTrue(out.contains("EVT_C_STORE"), out);
        assertFalse(out.contains("EVT_ACCEPTED"), out);
        assertFalse(out.contains("org.example.audit"), out);
    }

    @Test
    void theShortEventNameIsAccepted() {
        HandlersCommand command = new HandlersCommand();
        command.event = "c_store";
        command.runtime = SampleReport::withOneServer;
        String out = Printed.by(o -> {
            java.io.PrintStream before = System.out;
            System.setOut(o);
            try {
                command.execute();
            } finally {
                System.setOut(before);
            }
        });
        assertTrue(out.contains("service 42"), out);
        assertFalse(out.contains("EVT_ACCEPTED"), out);
    }
}
