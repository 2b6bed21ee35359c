package org.netdicom.core.config;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Map;

import org.netdicom.core.api.AeTitle;

/**
 * The node's validated settings: the configuration's values, each overridden by its environment
 * variable when that is set and not blank.
 */
record NodeSettings(String aeTitle, InetSocketAddress address) {

    static final String ENV_AET = "NETDICOM_AET";
    static final String ENV_PORT = "NETDICOM_PORT";
    static final String ENV_BIND = "NETDICOM_BIND";

    /** A setting that cannot be used, named as the user wrote it (property and variable). */
    static final class InvalidSettingException extends Exception {
        InvalidSettingException(String message) {
            super(message);
        }
    }

    static NodeSettings resolve(NodeConfig config, Map<String, String> environment)
            throws InvalidSettingException {
        String aet = pick(config.aet(), environment, ENV_AET);
        String port = pick(config.port(), environment, ENV_PORT);
        String bind = pick(config.bind(), environment, ENV_BIND);
        return new NodeSettings(aeTitle(aet, environment), new InetSocketAddress(
                bindAddress(bind, environment), port(port, environment)));
    }

    private static String pick(String configured, Map<String, String> environment, String variable) {
        String override = environment.get(variable);
        return override != null && !override.isBlank() ? override.strip() : configured;
    }

    private static String aeTitle(String value, Map<String, String> environment) throws InvalidSettingException {
        try {
            return AeTitle.requireValid(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(setting("aet", ENV_AET, environment) + ": " + e.getMessage());
        }
    }

    private static int port(String value, Map<String, String> environment) throws InvalidSettingException {
        try {
            int port = Integer.parseInt(value.strip());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // reported below
        }
        throw new InvalidSettingException(setting("port", ENV_PORT, environment) + ": '" + value
                + "' is not a TCP port (1-65535)");
    }

    private static InetAddress bindAddress(String value, Map<String, String> environment)
            throws InvalidSettingException {
        try {
            // A host name is resolved once, here; whether it is this host's shows when binding.
            return InetAddress.getByName(value.strip());
        } catch (UnknownHostException | NullPointerException e) {
            throw new InvalidSettingException(setting("bind", ENV_BIND, environment) + ": '" + value
                    + "' is not an address of this host");
        }
    }

    private static String setting(String property, String variable, Map<String, String> environment) {
        String override = environment.get(variable);
        return override != null && !override.isBlank()
                ? "environment variable " + variable
                : "setting '" + property + "' of configuration " + NodeComponent.PID;
    }
}
