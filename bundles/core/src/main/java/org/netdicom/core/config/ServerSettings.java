package org.netdicom.core.config;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.netdicom.core.api.AeTitle;
import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.core.api.LogHandlerLevel;
import org.netdicom.core.api.ServiceClass;
import org.netdicom.core.api.TlsSettings;
import org.netdicom.core.config.NodeSettings.InvalidSettingException;
import org.netdicom.data.dict.UidRegistry;
import org.netdicom.data.dict.UidEntry;

/**
 * The validated settings of one server configuration (factory PID {@value ServerComponent#FACTORY_PID}):
 * every property is checked here, and a bad one is reported by name before anything starts. Values
 * may be typed or, as in Karaf's {@code .cfg} files, text (lists comma-separated).
 *
 * @param name     the configuration's name, for logs
 * @param recognised the properties this class reads, as given: equal when nothing that matters changed
 */
record ServerSettings(String name, ApplicationEntity applicationEntity, InetSocketAddress address,
        Map<String, String> recognised) {

    /** Uncompressed first, then the compressed syntaxes most modalities send (PS3.5 Annex A, 10). */
    static final List<String> DEFAULT_TRANSFER_SYNTAXES = List.of("1.2.840.10008.1.2.1", "1.2.840.10008.1.2",
            "1.2.840.10008.1.2.2", "1.2.840.10008.1.2.1.99", "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51",
            "1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.70", "1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.81",
            "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91", "1.2.840.10008.1.2.5");

    static final List<String> KEYS = List.of("aet", "port", "bind", "contexts", "transfer.syntaxes", "max.associations",
            "max.pdu", "acse.timeout", "dimse.timeout", "network.timeout", "allowed.calling.aets", "require.called.aet",
            "log.handler.level", "spool.directory", "spool.store.data.sets", "data.set.memory.limit", "tls.keystore",
            "tls.keystore.password", "tls.truststore", "tls.truststore.password", "tls.client.auth", "tls.protocols",
            "tls.cipher.suites");

    static ServerSettings parse(String name, Map<String, ?> properties) throws InvalidSettingException {
        Map<String, String> recognised = new TreeMap<>();
        for (String key : KEYS) {
            Object v = properties.get(key);
            if (v != null) {
                recognised.put(key, String.join(",", strings(v)));
            }
        }
        Reader r = new Reader(name, recognised);
        String aet = r.aeTitle();
        ApplicationEntity ae = new ApplicationEntity(aet);
        List<String> syntaxes = r.list("transfer.syntaxes", DEFAULT_TRANSFER_SYNTAXES);
        for (String ts : syntaxes) {
            if (UidRegistry.transferSyntax(ts) == null) {
                throw r.invalid("transfer.syntaxes", ts, "is not a transfer syntax UID");
            }
        }
        String[] ts = syntaxes.toArray(String[]::new);
        for (String context : r.list("contexts", List.of("verification"))) {
            addContexts(r, ae, context, ts);
        }
        ae.maximumAssociations(r.integer("max.associations", 64, 1, 100_000));
        ae.maximumPduLength(r.integer("max.pdu", 16384, 0, Integer.MAX_VALUE));
        ae.acseTimeout(r.seconds("acse.timeout", 30));
        ae.dimseTimeout(r.seconds("dimse.timeout", 60));
        ae.networkTimeout(r.seconds("network.timeout", 60));
        List<String> allowed = r.list("allowed.calling.aets", List.of());
        if (!allowed.isEmpty()) {
            ae.allowCallingAeTitles(allowed);
        }
        ae.requireCalledAeTitle(r.bool("require.called.aet", false));
        ae.logHandlerLevel(r.choice("log.handler.level", LogHandlerLevel.class, LogHandlerLevel.STANDARD));
        if (recognised.containsKey("spool.directory")) {
            ae.spoolDirectory(Path.of(recognised.get("spool.directory")));
        }
        ae.spoolStoreDataSets(r.bool("spool.store.data.sets", true));
        ae.dataSetMemoryLimit(r.integer("data.set.memory.limit", 1 << 20, 0, Integer.MAX_VALUE - 8));
        if (recognised.containsKey("tls.keystore")) {
            ae.tls(r.tls());
        }
        InetSocketAddress address = new InetSocketAddress(r.bind(), r.integer("port", 11112, 1, 65535));
        return new ServerSettings(name, ae, address, Map.copyOf(recognised));
    }

    /** A family name ("storage", "query-retrieve", any {@link ServiceClass} name) or an SOP Class UID. */
    private static void addContexts(Reader r, ApplicationEntity ae, String context, String[] ts)
            throws InvalidSettingException {
        String family = context.toUpperCase(Locale.ROOT).replace('-', '_');
        switch (family) {
            case "STORAGE" -> {
                ae.addSupportedContexts(ServiceClass.STORAGE, ts);
                ae.addSupportedContexts(ServiceClass.NON_PATIENT_OBJECT_STORAGE, ts);
                // a C-GET requestor proposes the SCP role for the instances it gets (PS3.4 C.4.3.1)
                ae.acceptRoles(ServiceClass.STORAGE, true, true);
                ae.acceptRoles(ServiceClass.NON_PATIENT_OBJECT_STORAGE, true, true);
                return;
            }
            case "WORKLIST" -> {
                ae.addSupportedContexts(ServiceClass.BASIC_WORKLIST_MANAGEMENT, ts);
                return;
            }
            default -> {
                // a service class by name, or an SOP class UID
            }
        }
        for (ServiceClass service : ServiceClass.values()) {
            if (service.name().equals(family)) {
                ae.addSupportedContexts(service, ts);
                return;
            }
        }
        UidEntry entry = UidRegistry.entry(context);
        if (context.matches("[0-9.]+") && (entry == null || entry.type() == org.netdicom.data.dict.UidType.SOP_CLASS)) {
            ae.addSupportedContext(context, ts);
            return;
        }
        throw r.invalid("contexts", context, "is neither a service class (verification, storage, query-retrieve,"
                + " worklist, ...) nor an SOP Class UID");
    }

    private static List<String> strings(Object v) {
        List<String> out = new ArrayList<>();
        if (v instanceof String s) {
            for (String part : s.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        } else if (v instanceof String[] a) {
            for (String s : a) {
                out.addAll(strings(s));
            }
        } else if (v instanceof Collection<?> c) {
            for (Object o : c) {
                out.addAll(strings(String.valueOf(o)));
            }
        } else {
            out.add(String.valueOf(v));
        }
        return out;
    }

    /** Reads one property at a time and names it in every error. */
    private record Reader(String name, Map<String, String> values) {

        InvalidSettingException invalid(String key, String value, String why) {
            return new InvalidSettingException("setting '" + key + "' of server configuration " + name + ": '"
                    + value + "' " + why);
        }

        String aeTitle() throws InvalidSettingException {
            String aet = values.get("aet");
            if (aet == null) {
                throw new InvalidSettingException("server configuration " + name + " has no 'aet'");
            }
            try {
                return AeTitle.requireValid(aet);
            } catch (IllegalArgumentException e) {
                throw invalid("aet", aet, e.getMessage());
            }
        }

        List<String> list(String key, List<String> byDefault) {
            String v = values.get(key);
            return v == null ? byDefault : strings(v);
        }

        int integer(String key, int byDefault, int min, int max) throws InvalidSettingException {
            String v = values.get(key);
            if (v == null) {
                return byDefault;
            }
            try {
                int i = Integer.parseInt(v.strip());
                if (i >= min && i <= max) {
                    return i;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw invalid(key, v, "is not a whole number from " + min + " to " + max);
        }

        Duration seconds(String key, int byDefault) throws InvalidSettingException {
            return Duration.ofSeconds(integer(key, byDefault, 1, 86_400));
        }

        boolean bool(String key, boolean byDefault) throws InvalidSettingException {
            String v = values.get(key);
            if (v == null) {
                return byDefault;
            }
            if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(v);
            }
            throw invalid(key, v, "is neither true nor false");
        }

        <E extends Enum<E>> E choice(String key, Class<E> type, E byDefault) throws InvalidSettingException {
            String v = values.get(key);
            if (v == null) {
                return byDefault;
            }
            try {
                return Enum.valueOf(type, v.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw invalid(key, v, "is not one of " + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
            }
        }

        InetAddress bind() throws InvalidSettingException {
            String v = values.getOrDefault("bind", "0.0.0.0");
            try {
                return InetAddress.getByName(v.strip());
            } catch (UnknownHostException e) {
                throw invalid("bind", v, "is not an address of this host");
            }
        }

        TlsSettings tls() throws InvalidSettingException {
            String keyStore = values.get("tls.keystore");
            String trustStore = values.getOrDefault("tls.truststore", keyStore);
            try {
                TlsSettings tls = TlsSettings.fromPkcs12(Path.of(keyStore),
                        values.getOrDefault("tls.keystore.password", "").toCharArray(), Path.of(trustStore),
                        values.getOrDefault("tls.truststore.password", values.getOrDefault("tls.keystore.password", ""))
                                .toCharArray());
                tls = tls.withClientAuthentication(bool("tls.client.auth", false));
                List<String> protocols = list("tls.protocols", List.of());
                if (!protocols.isEmpty()) {
                    tls = tls.withProtocols(protocols.toArray(String[]::new));
                }
                List<String> suites = list("tls.cipher.suites", List.of());
                if (!suites.isEmpty()) {
                    tls = tls.withCipherSuites(suites.toArray(String[]::new));
                }
                return tls;
            } catch (java.io.IOException | java.security.GeneralSecurityException | RuntimeException e) {
                throw invalid("tls.keystore", keyStore, "cannot be used: " + e.getMessage());
            }
        }
    }
}
