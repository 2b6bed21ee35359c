package org.netdicom.core.config;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.netdicom.core.api.LogHandlerLevel;
import org.netdicom.core.config.NodeSettings.InvalidSettingException;

/** The server configuration as Karaf's .cfg files give it (text) and as typed values. */
class ServerSettingsTest {

    private static Map<String, Object> config(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void readsEveryKeyFromText() throws InvalidSettingException {
        ServerSettings s = ServerSettings.parse("archive.cfg", config("aet", "ARCHIVE", "port", "4242",
                "bind", "127.0.0.1", "contexts", "verification, storage, query-retrieve, 1.2.840.10008.5.1.4.31",
                "transfer.syntaxes", "1.2.840.10008.1.2.1,1.2.840.10008.1.2", "max.associations", "7",
                "max.pdu", "65536", "dimse.timeout", "5", "allowed.calling.aets", "A, B",
                "require.called.aet", "true", "log.handler.level", "debug"));
        var ae = s.applicationEntity();
        assertEquals("ARCHIVE", ae.aeTitle());
        assertEquals(4242, s.address().getPort());
        assertEquals("127.0.0.1", s.address().getAddress().getHostAddress());
        assertEquals(List.of("1.2.840.10008.1.2.1", "1.2.840.10008.1.2"),
                ae.supportedContexts().get("1.2.840.10008.5.1.4.1.1.2"), "CT storage with the configured syntaxes");
        assertTrue(ae.supportedContexts().containsKey("1.2.840.10008.1.1"));
        assertTrue(ae.supportedContexts().containsKey("1.2.840.10008.5.1.4.1.2.2.1"), "study root find");
        assertTrue(ae.supportedContexts().containsKey("1.2.840.10008.5.1.4.31"), "worklist by UID");
        assertTrue(ae.supportedContexts().size() > 150);
        assertEquals(7, ae.maximumAssociations());
        assertEquals(65536, ae.maximumPduLength());
        assertEquals(Duration.ofSeconds(5), ae.dimseTimeout());
        assertEquals(LogHandlerLevel.DEBUG, ae.logHandlerLevel());
    }

    @Test
    void defaultsToAVerificationNodeOnPort11112() throws InvalidSettingException {
        ServerSettings s = ServerSettings.parse("x", config("aet", "NODE"));
        assertEquals(11112, s.address().getPort());
        assertEquals(List.of("1.2.840.10008.1.1"), List.copyOf(s.applicationEntity().supportedContexts().keySet()));
    }

    @Test
    void namesTheBadSettingAndWhy() {
        assertMessage("has no 'aet'", config("port", "1"));
        assertMessage("setting 'aet'", config("aet", "SEVENTEEN_CHARS_XX"));
        assertMessage("setting 'port' of server configuration test: '70000' is not a whole number from 1 to 65535",
                config("aet", "A", "port", "70000"));
        assertMessage("setting 'contexts'", config("aet", "A", "contexts", "storage, nonsense"));
        assertMessage("setting 'transfer.syntaxes'", config("aet", "A", "transfer.syntaxes", "1.2.3"));
        assertMessage("setting 'require.called.aet'", config("aet", "A", "require.called.aet", "yes"));
        assertMessage("setting 'log.handler.level'", config("aet", "A", "log.handler.level", "loud"));
        assertMessage("setting 'tls.keystore'", config("aet", "A", "tls.keystore", "/no/such/file.p12"));
    }

    @Test
    void sameSettingsCompareEqualWhateverTheirForm() throws InvalidSettingException {
        ServerSettings text = ServerSettings.parse("a", config("aet", "A", "contexts", "storage,verification"));
        ServerSettings typed = ServerSettings.parse("a", config("aet", "A", "contexts",
                new String[] {"storage", "verification"}, "service.pid", "ignored"));
        assertEquals(text.recognised(), typed.recognised());
    }

    private static void assertMessage(String expected, Map<String, Object> config) {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> ServerSettings.parse("test", config));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
