/**
 * DIMSE (PS3.7): command sets (group 0000, always Implicit VR Little Endian), messages, and their
 * fragmentation into and reassembly from P-DATA-TF presentation data values (PS3.8 Annex E).
 */
package org.netdicom.core.dimse;
