package org.netdicom.core.api.event;

import org.osgi.annotation.versioning.ProviderType;

/** EVT_FSM_TRANSITION: one step of the Upper Layer state machine, in PS3.8's names. */
@ProviderType
public interface FsmTransitionEvent extends Event {

    /** For example {@code Sta6}. */
    String currentState();

    /** For example {@code Evt10}. */
    String fsmEvent();

    /** For example {@code DT-2}. */
    String action();

    String nextState();
}
