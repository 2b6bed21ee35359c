package org.netdicom.index.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The settings of configuration PID {@code org.netdicom.index}. */
@ObjectClassDefinition(name = "netdicom index", description = "The archive's index of stored instances (JDBC)")
public @interface IndexConfig {

    @AttributeDefinition(description = "JDBC URL; empty: an H2 database in $NETDICOM_DATA/index, else "
            + "${karaf.data}/netdicom/index")
    String url() default "";

    @AttributeDefinition(description = "Database user")
    String user() default "sa";

    @AttributeDefinition(description = "Database password", type = AttributeType.PASSWORD)
    String password() default "";

    @AttributeDefinition(description = "JDBC driver class: the osgi.jdbc.driver.class of the DataSourceFactory "
            + "service to use (org.h2.Driver, org.postgresql.Driver)")
    String driver() default "org.h2.Driver";

    @AttributeDefinition(description = "Connections kept open between operations")
    int idle_connections() default 8;
}
