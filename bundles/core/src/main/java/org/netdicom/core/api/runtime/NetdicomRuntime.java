package org.netdicom.core.api.runtime;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The container's netdicom runtime, as an OSGi service registered by the core bundle: who serves
 * what right now. Each call takes a fresh snapshot; it costs the data path nothing (counters are
 * read, never locked).
 */
@ProviderType
public interface NetdicomRuntime {

    /** A snapshot of the servers, their associations and the handler routing. */
    RuntimeDTO runtimeDTO();
}
