package org.netdicom.core.config;

import java.lang.annotation.Annotation;

/** {@link NodeConfig} values for tests, as Declarative Services would hand them over. */
final class NodeConfigs {

    private NodeConfigs() {
    }

    static NodeConfig of(String aet, String port, String bind) {
        return new NodeConfig() {
            @Override
            public String aet() {
                return aet;
            }

            @Override
            public String port() {
                return port;
            }

            @Override
            public String bind() {
                return bind;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return NodeConfig.class;
            }
        };
    }
}
