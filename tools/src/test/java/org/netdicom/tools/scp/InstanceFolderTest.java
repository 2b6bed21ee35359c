package org.netdicom.tools.scp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InstanceFolderTest {

    @Test
    void namesFilesBySopInstanceUid() {
        assertEquals("1.2.840.113619.2.1.dcm", InstanceFolder.fileName("1.2.840.113619.2.1"));
    }

    @Test
    void aUidFromThePeerCannotLeaveTheFolder() {
        assertEquals("_._..___________.dcm", InstanceFolder.fileName("../../etc/passwd"));
        assertEquals("_.dcm", InstanceFolder.fileName("."));
        assertEquals("unknown.dcm", InstanceFolder.fileName(""));
        assertEquals(64 + 4, InstanceFolder.fileName("1".repeat(500)).length());
    }
}
