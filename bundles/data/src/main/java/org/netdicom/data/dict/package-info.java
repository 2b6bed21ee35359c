/**
 * Facts from the standard: the data dictionary ({@link org.netdicom.data.dict.ElementDictionary},
 * generated from DCMTK's {@code dicom.dic}, PS3.6 chapters 6-9 and PS3.7 Annex E), the UID
 * registry ({@link org.netdicom.data.dict.UidRegistry}, from PS3.6 Annex A) with transfer syntaxes
 * and their encoding properties ({@link org.netdicom.data.dict.TransferSyntax}), and UID
 * generation and validation ({@link org.netdicom.data.dict.Uids}). Everything here is immutable
 * and loaded once; nothing here reads or writes DICOM streams.
 */
@Export
@Version("0.1.0")
package org.netdicom.data.dict;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
