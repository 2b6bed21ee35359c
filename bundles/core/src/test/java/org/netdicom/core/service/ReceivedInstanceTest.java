package org.netdicom.core.service;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.netdicom.core.dimse.CommandSet;

/** The tasks a C-STORE handler leaves for after the response. */
class ReceivedInstanceTest {

    private static ReceivedInstance event() {
        return new ReceivedInstance(null, null, new CommandSet(), null, null);
    }

    @Test
    void aTaskThatThrowsAnErrorDoesNotKeepTheOthersAndTheLeaseReleaseFromRunning() {
        ReceivedInstance event = event();
        List<String> ran = new CopyOnWriteArrayList<>();
        event.afterResponse(() -> {
            throw new OutOfMemoryError("a task's");
        });
        event.afterResponse(() -> ran.add("second"));
        assertTrue(event.releaseAfterTasks(() -> ran.add("lease released")));

        OutOfMemoryError thrown = assertThrows(OutOfMemoryError.class, event::runAfterResponse);

        assertEquals("a task's", thrown.getMessage(), "thrown once the others ran");
        assertEquals(List.of("second", "lease released"), ran);
    }

    @Test
    void withoutTasksTheLeaseIsReleasedByTheDispatcherAndALateTaskRunsAtOnce() {
        ReceivedInstance event = event();
        assertFalse(event.releaseAfterTasks(() -> fail("not queued")));
        event.runAfterResponse();
        List<String> ran = new CopyOnWriteArrayList<>();
        event.afterResponse(() -> ran.add("late"));
        assertEquals(List.of("late"), ran);
    }
}
