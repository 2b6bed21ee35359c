package org.netdicom.index.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The settings of configuration PID {@code org.netdicom.index}. */
@ObjectClassDefinition(name = "netdicom index", description = "The archive's index of stored instances (JDBC)")
public @interface IndexConfig {

    @AttributeDefinition(description = "JDBC URL; empty: an H2 database in $NETDICOM_DATA/index, else "
            + "${karaf.data}/netdicom/index (env NETDICOM_INDEX_URL)")
    String url() default "";

    @AttributeDefinition(description = "Database user (env NETDICOM_INDEX_USER)")
    String user() default "sa";

    @AttributeDefinition(description = "Database password (env NETDICOM_INDEX_PASSWORD)", type = AttributeType.PASSWORD)
    String password() default "";

    @AttributeDefinition(description = "JDBC driver class: the osgi.jdbc.driver.class of the DataSourceFactory "
            + "service to use; a jdbc:postgresql: or jdbc:h2: URL names its own")
    String driver() default "org.h2.Driver";

    @AttributeDefinition(description = "Connections kept open between operations")
    int idle_connections() default 8;
}
