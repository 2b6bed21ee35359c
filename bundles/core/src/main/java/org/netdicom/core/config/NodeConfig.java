package org.netdicom.core.config;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The settings of configuration PID {@code org.netdicom.node}; each has an environment override. */
@ObjectClassDefinition(name = "netdicom node", description = "The DICOM node served by the container")
public @interface NodeConfig {

    @AttributeDefinition(description = "AE title of the node (env NETDICOM_AET)")
    String aet() default "NETDICOM";

    @AttributeDefinition(description = "TCP port (env NETDICOM_PORT)")
    String port() default "11112";

    @AttributeDefinition(description = "Address to bind, 0.0.0.0 for all (env NETDICOM_BIND)")
    String bind() default "0.0.0.0";
}
