package org.netdicom.index.internal;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where a node keeps its data by default: the folder named by {@code NETDICOM_DATA}, else
 * {@code netdicom} under the container's data folder ({@code karaf.data}), else {@code data/netdicom}
 * under the working directory. The index is its {@code index} folder, the files its {@code storage}
 * folder.
 */
final class DataLocation {

    static final String ENV_DATA = "NETDICOM_DATA";

    private DataLocation() {
    }

    static Path root(Map<String, String> environment, String karafData) {
        String data = environment.get(ENV_DATA);
        if (data != null && !data.isBlank()) {
            return Path.of(data.strip());
        }
        if (karafData != null && !karafData.isBlank()) {
            return Path.of(karafData, "netdicom");
        }
        return Path.of("data", "netdicom");
    }
}
