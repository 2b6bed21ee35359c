/**
 * The DICOM data model: {@link org.netdicom.data.Dataset} (elements ordered by tag, with typed
 * getters and setters by tag or keyword), {@link org.netdicom.data.Sequence} of item datasets,
 * {@link org.netdicom.data.Fragments} of encapsulated pixel data, the 34 value representations
 * in {@link org.netdicom.data.VR}, {@link org.netdicom.data.Tag} arithmetic on {@code int} tags and
 * {@link org.netdicom.data.PersonName}, and {@link org.netdicom.data.BulkData}: large values left in
 * a file or a stream and streamed by the writers. Values are held as their encoded bytes in little endian
 * order and decoded on demand, so parsing costs no conversion and writing in the same encoding is
 * a copy. The dictionary and UIDs are in {@code org.netdicom.data.dict}; reading and writing bytes
 * and files is in {@code org.netdicom.data.io}. Plain Java, no OSGi at run time.
 */
@Export
@Version("0.2.0")
package org.netdicom.data;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
