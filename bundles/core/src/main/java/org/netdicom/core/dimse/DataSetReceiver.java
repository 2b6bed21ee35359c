package org.netdicom.core.dimse;

import java.io.IOException;

/** Decides where the data set of an incoming message goes, once its command set is known. */
@FunctionalInterface
public interface DataSetReceiver {

    IncomingDataSet begin(int contextId, CommandSet command) throws IOException;
}
