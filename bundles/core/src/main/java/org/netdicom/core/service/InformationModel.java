package org.netdicom.core.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.netdicom.core.api.ServiceClass;
import org.netdicom.core.service.SopClassInfo.Operation;

/**
 * One information model of a query or query/retrieve service class (PS3.4 Annexes C, K, Q, U, V, X,
 * BB, HH, II, JJ) with the SOP class that queries it (C-FIND) and those that retrieve from it (C-MOVE,
 * C-GET). A model has only the SOP classes the standard defines for it: Composite Instance Root has
 * no FIND, Composite Instance Retrieve Without Bulk Data only a GET, the worklist and query-only
 * models only a FIND; the missing ones are null.
 *
 * @param name the model's name in PS3.4, e.g. {@code Study Root}
 * @param service the service class that defines the model
 * @param find UID of the model's C-FIND SOP class, or null
 * @param move UID of the model's C-MOVE SOP class, or null
 * @param get UID of the model's C-GET SOP class, or null
 */
public record InformationModel(String name, ServiceClass service, String find, String move, String get) {

    public InformationModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(service, "service");
        if (find == null && move == null && get == null) {
            throw new IllegalArgumentException("information model " + name + " has no SOP class");
        }
    }

    /** The UID of the model's SOP class for C-FIND, C-MOVE or C-GET, or null if it has none. */
    public String sopClass(Operation operation) {
        return switch (operation) {
            case C_FIND -> find;
            case C_MOVE -> move;
            case C_GET -> get;
            default -> null;
        };
    }

    /** The model's SOP class UIDs in the order FIND, MOVE, GET, without the missing ones. */
    public List<String> sopClasses() {
        List<String> uids = new ArrayList<>(3);
        for (String uid : new String[] {find, move, get}) {
            if (uid != null) {
                uids.add(uid);
            }
        }
        return List.copyOf(uids);
    }
}
