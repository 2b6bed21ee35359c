package org.netdicom.core.api.event;

import org.osgi.annotation.versioning.ProviderType;

/** EVT_ASYNC_OPS: the requestor proposed an Asynchronous Operations Window other than (1, 1). */
@ProviderType
public interface AsyncOpsEvent extends Event {

    /** Maximum number of operations the requestor may invoke at once; 0 = unlimited. */
    int maxOperationsInvoked();

    /** Maximum number of operations the requestor may perform at once; 0 = unlimited. */
    int maxOperationsPerformed();
}
