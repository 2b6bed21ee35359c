/**
 * The node's OSGi configuration: a Declarative Services component that reads the
 * {@code org.netdicom.node} configuration (and the {@code NETDICOM_*} environment overrides) and runs
 * one Verification SCP from it. Private to the core bundle.
 */
package org.netdicom.core.config;
