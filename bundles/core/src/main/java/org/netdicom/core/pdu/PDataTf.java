package org.netdicom.core.pdu;

import java.util.List;

/**
 * P-DATA-TF PDU (PS3.8 9.3.5): one or more Presentation Data Value items. To send one large
 * fragment without building this record, use {@link PduEncoder#writePDataTf}.
 */
public record PDataTf(List<PresentationDataValue> values) implements Pdu {

    public PDataTf {
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a P-DATA-TF carries at least one PDV (PS3.8 9.3.5)");
        }
    }

    public PDataTf(PresentationDataValue... values) {
        this(List.of(values));
    }

    @Override
    public int type() {
        return P_DATA_TF;
    }

    @Override
    public String toString() {
        return "P-DATA-TF" + values;
    }
}
