/**
 * Karaf console commands of scope {@code dicom}: {@code dicom:servers}, {@code dicom:handlers},
 * {@code dicom:associations} read the core's {@code NetdicomRuntime} report;
 * {@code dicom:echo} sends a C-ECHO from the container. Each command prints a Karaf
 * {@code ShellTable}; the printing is separate from the service look-up so that tests can give it a
 * report of their own. Not exported: found by Karaf through the {@code Karaf-Commands} header.
 */
package org.netdicom.shell;
