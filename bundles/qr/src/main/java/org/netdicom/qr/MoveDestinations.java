package org.netdicom.qr;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The AE titles a C-MOVE may send to, from configuration and from the environment variable
 * {@value #ENV} ({@code AET@host:port,...}), which wins for an AE title in both. Matching of AE
 * titles is exact (they are case-sensitive, PS3.5 6.2), without leading or trailing spaces.
 */
public final class MoveDestinations {

    public static final String ENV = "NETDICOM_MOVE_DESTINATIONS";

    private final Map<String, MoveDestination> byAeTitle;

    private MoveDestinations(Map<String, MoveDestination> byAeTitle) {
        this.byAeTitle = Map.copyOf(byAeTitle);
    }

    public static MoveDestinations of(Collection<MoveDestination> destinations) {
        Map<String, MoveDestination> map = new LinkedHashMap<>();
        destinations.forEach(d -> map.put(d.aeTitle(), d));
        return new MoveDestinations(map);
    }

    /**
     * The destinations of {@code configured} entries (each one or several comma-separated
     * {@code AET@host:port}) and then of {@code environmentValue} (may be null).
     *
     * @throws IllegalArgumentException for an entry that does not parse, naming it
     */
    public static MoveDestinations parse(Collection<String> configured, String environmentValue) {
        Map<String, MoveDestination> map = new LinkedHashMap<>();
        for (String entry : configured) {
            add(map, entry);
        }
        if (environmentValue != null) {
            add(map, environmentValue);
        }
        return new MoveDestinations(map);
    }

    private static void add(Map<String, MoveDestination> map, String entries) {
        for (String entry : entries.split(",")) {
            if (!entry.isBlank()) {
                MoveDestination d = MoveDestination.parse(entry);
                map.put(d.aeTitle(), d);
            }
        }
    }

    public Optional<MoveDestination> lookup(String aeTitle) {
        return aeTitle == null ? Optional.empty() : Optional.ofNullable(byAeTitle.get(aeTitle.strip()));
    }

    public Collection<MoveDestination> all() {
        return byAeTitle.values();
    }

    @Override
    public String toString() {
        return byAeTitle.values().toString();
    }
}
