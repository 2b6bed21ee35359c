/**
 * Implementation details of the data bundle (primitive collections, byte and text conversions).
 * Not exported: nothing outside this bundle may depend on it.
 */
package org.netdicom.data.internal;
