package org.netdicom.storage.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration {@code org.netdicom.storage} (see docs/storage.md). */
@ObjectClassDefinition(name = "netdicom storage", description = "Where and how received instances are stored")
public @interface StorageConfig {

    @AttributeDefinition(description = "Storage root; empty: $NETDICOM_DATA/storage, else ${karaf.data}/netdicom/storage")
    String root() default "";

    @AttributeDefinition(description = "Layout below the root: keywords or (gggg,eeee) tags in braces, |hash |first:N |last:N")
    String pattern() default PathPattern.DEFAULT;

    @AttributeDefinition(description = "A SOP Instance UID stored again: overwrite, keep-first, keep-both or reject")
    String duplicates() default "overwrite";

    @AttributeDefinition(description = "keep (as received), or explicit-le, implicit-le, explicit-be, deflated or a UID "
            + "to convert uncompressed data sets to")
    String transferSyntax() default "keep";

    @AttributeDefinition(description = "Force files and folder entries to disk before answering Success")
    boolean fsync() default true;

    @AttributeDefinition(description = "Seconds a temporary file of another process stays untouched before the "
            + "reconciliation deletes it: 0 for a root of its own, more than the longest store when nodes share the root")
    long tempFileGraceSeconds() default 0;

    @AttributeDefinition(description = "Reconcile files and index in the background when the component starts")
    boolean reconcileOnStart() default true;

    @AttributeDefinition(description = "Answer Success only once the index has the row; else right after the durable "
            + "file, the row written after the response, before the association reads its next message")
    boolean indexBeforeResponse() default false;

    @AttributeDefinition(description = "Seconds between tries to index instances whose row failed after their response")
    long indexRetrySeconds() default 10;
}
