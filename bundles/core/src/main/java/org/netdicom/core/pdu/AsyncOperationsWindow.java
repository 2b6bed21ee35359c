package org.netdicom.core.pdu;

/**
 * Asynchronous Operations Window sub-item (0x53, PS3.7 D.3.3.3). 0 means unlimited.
 */
public record AsyncOperationsWindow(int maxOperationsInvoked, int maxOperationsPerformed) {

    public AsyncOperationsWindow {
        FieldChecks.u16("maxOperationsInvoked", maxOperationsInvoked);
        FieldChecks.u16("maxOperationsPerformed", maxOperationsPerformed);
    }
}
