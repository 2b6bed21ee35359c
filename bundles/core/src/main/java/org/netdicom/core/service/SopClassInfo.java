package org.netdicom.core.service;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.netdicom.core.api.ServiceClass;
import org.netdicom.core.dimse.CommandField;

/**
 * One SOP class as the service layer sees it: the PS3.4 service class that defines it and the DIMSE
 * operations that service class defines for it. The operations are those of the SOP class's DIMSE
 * service group in either direction: Storage Commitment's N-EVENT-REPORT goes from the SCP to the SCU
 * on the same presentation context as the N-ACTION, and is listed with it.
 *
 * @param uid the SOP class UID (PS3.6 Annex A)
 * @param keyword the PS3.6 keyword, e.g. {@code CTImageStorage}
 * @param service the service class the SOP class belongs to
 * @param operations the DIMSE operations the SOP class defines; never empty
 * @param retired true if PS3.6 has retired the SOP class
 */
public record SopClassInfo(String uid, String keyword, ServiceClass service, Set<Operation> operations,
        boolean retired) {

    public SopClassInfo {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(keyword, "keyword");
        Objects.requireNonNull(service, "service");
        if (operations.isEmpty()) {
            throw new IllegalArgumentException("SOP class " + uid + " defines no operation");
        }
        operations = Collections.unmodifiableSet(EnumSet.copyOf(operations));
    }

    /** True if the SOP class defines {@code operation}; a dispatcher refuses the others. */
    public boolean permits(Operation operation) {
        return operations.contains(operation);
    }

    /** The DIMSE operations of PS3.7 that a SOP class can define (C-CANCEL belongs to the request it cancels). */
    public enum Operation {
        C_STORE(CommandField.C_STORE_RQ),
        C_FIND(CommandField.C_FIND_RQ),
        C_GET(CommandField.C_GET_RQ),
        C_MOVE(CommandField.C_MOVE_RQ),
        C_ECHO(CommandField.C_ECHO_RQ),
        N_EVENT_REPORT(CommandField.N_EVENT_REPORT_RQ),
        N_GET(CommandField.N_GET_RQ),
        N_SET(CommandField.N_SET_RQ),
        N_ACTION(CommandField.N_ACTION_RQ),
        N_CREATE(CommandField.N_CREATE_RQ),
        N_DELETE(CommandField.N_DELETE_RQ);

        private final int requestField;

        Operation(int requestField) {
            this.requestField = requestField;
        }

        /** The Command Field (0000,0100) of the operation's request. */
        public int commandField() {
            return requestField;
        }

        /**
         * The operation of a request or response Command Field (0000,0100), or null for C-CANCEL and
         * for values PS3.7 does not define.
         */
        public static Operation ofCommandField(int commandField) {
            int request = commandField & ~CommandField.RESPONSE_BIT;
            for (Operation op : values()) {
                if (op.requestField == request) {
                    return op;
                }
            }
            return null;
        }
    }
}
