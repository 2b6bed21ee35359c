package org.netdicom.core.config;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.netdicom.core.config.NodeSettings.InvalidSettingException;

class NodeSettingsTest {

    private static NodeConfig config(String aet, String port, String bind) {
        return NodeConfigs.of(aet, port, bind);
    }

    @Test
    void usesConfiguredValuesWithoutEnvironment() throws InvalidSettingException {
        NodeSettings settings = NodeSettings.resolve(config(" ARCHIVE ", "104", "127.0.0.1"), Map.of());

        assertEquals("ARCHIVE", settings.aeTitle());
        assertEquals(104, settings.address().getPort());
        assertEquals("127.0.0.1", settings.address().getAddress().getHostAddress());
    }

    @Test
    void environmentOverridesEachSetting() throws InvalidSettingException {
        NodeSettings settings = NodeSettings.resolve(config("ARCHIVE", "104", "0.0.0.0"), Map.of(
                "NETDICOM_AET", "FROMENV", "NETDICOM_PORT", "4242", "NETDICOM_BIND", "127.0.0.1"));

        assertEquals("FROMENV", settings.aeTitle());
        assertEquals(4242, settings.address().getPort());
        assertEquals("127.0.0.1", settings.address().getAddress().getHostAddress());
    }

    @Test
    void blankEnvironmentVariableDoesNotOverride() throws InvalidSettingException {
        NodeSettings settings = NodeSettings.resolve(config("ARCHIVE", "104", "0.0.0.0"),
                Map.of("NETDICOM_AET", "  "));

        assertEquals("ARCHIVE", settings.aeTitle());
    }

    @Test
    void namesTheSettingOfAnInvalidAeTitle() {
        InvalidSettingException tooLong = assertThrows(InvalidSettingException.class,
                () -> NodeSettings.resolve(config("SEVENTEEN_CHARS_X", "104", "0.0.0.0"), Map.of()));
        InvalidSettingException backslash = assertThrows(InvalidSettingException.class,
                () -> NodeSettings.resolve(config("A\\B", "104", "0.0.0.0"), Map.of()));
        InvalidSettingException control = assertThrows(InvalidSettingException.class,
                () -> NodeSettings.resolve(config("A\tB", "104", "0.0.0.0"), Map.of()));

        assertTrue(tooLong.getMessage().startsWith("setting 'aet' of configuration org.netdicom.node"), tooLong.getMessage());
        assertTrue(tooLong.getMessage().contains("longer than 16"), tooLong.getMessage());
        assertTrue(backslash.getMessage().contains("backslash"), backslash.getMessage());
        assertTrue(control.getMessage().contains("U+0009"), control.getMessage());
    }

    @Test
    void namesTheEnvironmentVariableOfAnInvalidPort() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> NodeSettings.resolve(config("A", "104", "0.0.0.0"), Map.of("NETDICOM_PORT", "70000")));

        assertTrue(e.getMessage().startsWith("environment variable NETDICOM_PORT"), e.getMessage());
        assertTrue(e.getMessage().contains("'70000' is not a TCP port"), e.getMessage());
        assertThrows(InvalidSettingException.class,
                () -> NodeSettings.resolve(config("A", "abc", "0.0.0.0"), Map.of()));
        assertThrows(InvalidSettingException.class,
                () -> NodeSettings.resolve(config("A", "0", "0.0.0.0"), Map.of()));
    }

    @Test
    void rejectsBindAddressThatIsNotLocal() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> NodeSettings.resolve(config("A", "104", "1::zz"), Map.of()));

        assertTrue(e.getMessage().contains("setting 'bind'"), e.getMessage());
    }
}
