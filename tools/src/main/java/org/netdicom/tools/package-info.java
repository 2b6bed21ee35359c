/**
 * The netdicom command-line tools: the launcher ({@link org.netdicom.tools.Netdicom}, {@code bin/netdicom}),
 * the exit codes every tool shares ({@link org.netdicom.tools.ExitCodes}) and, in sub-packages, the
 * requestor tools ({@code scu}), the server tools ({@code scp}), their shared options
 * ({@code common}) and the DICOM JSON writer ({@code json}). Plain Java on the engine's API; no OSGi.
 */
package org.netdicom.tools;
