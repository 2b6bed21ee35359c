/**
 * Reading and writing DICOM bytes: {@link org.netdicom.data.io.DicomReader} and
 * {@link org.netdicom.data.io.DicomWriter} for data sets and command sets in Implicit VR Little
 * Endian, Explicit VR Little Endian and Explicit VR Big Endian, and
 * {@link org.netdicom.data.io.DicomFile} for Part 10 files (preamble, File Meta Information,
 * deflated data sets), read as {@link org.netdicom.data.io.ReadOptions} say: up to a stop tag,
 * with large values handed to a {@link org.netdicom.data.io.BulkDataSink} instead of the heap,
 * lenient or strict; {@link org.netdicom.data.io.Transcoder} converts an encoded data set between
 * the uncompressed transfer syntaxes as it streams, without a data set in memory. Malformed input
 * is a {@link org.netdicom.data.io.DicomFormatException} with the byte offset; nothing is
 * allocated from a length before it is checked. This package knows encodings only; the data model
 * is {@code org.netdicom.data}.
 */
@Export
@Version("0.3.0")
package org.netdicom.data.io;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
