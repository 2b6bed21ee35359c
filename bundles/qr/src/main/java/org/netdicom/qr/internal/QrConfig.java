package org.netdicom.qr.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The settings of configuration PID {@code org.netdicom.qr}. */
@ObjectClassDefinition(name = "netdicom query/retrieve", description = "C-FIND, C-GET and C-MOVE over the index")
public @interface QrConfig {

    @AttributeDefinition(description = "Folder the index's file paths are relative to (the storage plugin's root); "
            + "empty: $NETDICOM_DATA/storage, else ${karaf.data}/netdicom/storage")
    String storage_root() default "";

    @AttributeDefinition(description = "C-MOVE destinations, AET@host:port (append /tls for TLS); "
            + "env NETDICOM_MOVE_DESTINATIONS adds more and wins for the same AE title")
    String[] destinations() default {};

    @AttributeDefinition(description = "Person names match regardless of case")
    boolean case_insensitive_names() default true;

    @AttributeDefinition(description = "Accept relational queries (unique keys of the levels above may be missing)")
    boolean relational() default true;

    @AttributeDefinition(description = "Match a date range and a time range together as one date-time range")
    boolean combined_datetime() default false;

    @AttributeDefinition(description = "PKCS#12 key store for C-MOVE destinations marked /tls (empty: none)")
    String tls_keystore() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD)
    String _tls_keystore_password() default "";

    @AttributeDefinition(description = "PKCS#12 trust store (empty: the key store)")
    String tls_truststore() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD)
    String _tls_truststore_password() default "";
}
