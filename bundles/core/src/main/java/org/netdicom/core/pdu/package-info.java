/**
 * The seven Protocol Data Units of the DICOM Upper Layer (PS3.8 section 9.3), their items and
 * sub-items as immutable records, and the codec that turns them into bytes and back:
 * {@link org.netdicom.core.pdu.PduEncoder}, {@link org.netdicom.core.pdu.PduDecoder} and the
 * stream framer {@link org.netdicom.core.pdu.PduReader}, which checks every PDU length against a
 * limit before it allocates anything. A Presentation Data Value is a slice, not a copy, of the
 * bytes it was decoded from: an array, or a direct buffer a {@link org.netdicom.core.pdu.PduSource}
 * lent in place (0.2.0). Malformed input becomes a
 * {@link org.netdicom.core.pdu.PduFormatException} carrying the byte offset and a suggested
 * A-ABORT reason; a stream that ends inside a PDU is an {@link java.io.EOFException}. This
 * package knows bytes and structure only: it does not decide whether an association is
 * acceptable, whether a presentation context id is known, or what a PDU means in the current
 * state; that is the job of {@code org.netdicom.core.dul} and {@code org.netdicom.core.acse}.
 * Exported because PDU events (EVT_PDU_RECV, EVT_ACSE_SENT, ...) carry these records and
 * negotiation handlers return some of them.
 */
@Export
@Version("0.2.0")
package org.netdicom.core.pdu;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
