package org.netdicom.core.event;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.netdicom.core.api.Association;
import org.netdicom.core.api.PresentationContext;
import org.netdicom.core.api.event.AcseEvent;
import org.netdicom.core.api.event.AsyncOpsEvent;
import org.netdicom.core.api.event.CEchoEvent;
import org.netdicom.core.api.event.ConnectionEvent;
import org.netdicom.core.api.event.DataEvent;
import org.netdicom.core.api.event.DimseEvent;
import org.netdicom.core.api.event.Event;
import org.netdicom.core.api.event.EventType;
import org.netdicom.core.api.event.FsmTransitionEvent;
import org.netdicom.core.api.event.PduEvent;
import org.netdicom.core.api.event.SopCommonEvent;
import org.netdicom.core.api.event.SopExtendedEvent;
import org.netdicom.core.api.event.UserIdentityEvent;
import org.netdicom.core.pdu.Pdu;
import org.netdicom.core.pdu.SopClassCommonExtendedNegotiation;
import org.netdicom.data.Dataset;

/**
 * The event objects. Each is an immutable record; {@link Bound#withArguments} makes the copy that a
 * handler bound with extra arguments receives.
 */
public final class Events {

    private Events() {
    }

    /** An event that can be handed over with a handler's bound arguments. */
    public interface Bound extends Event {
        Event withArguments(List<Object> arguments);
    }

    /**
     * An event whose handler may leave work for after the response (EVT_C_STORE): the handler is
     * held until that work is done, so that a departing plugin is let go only after it.
     */
    public interface FollowedUp extends Event {
        /** Runs {@code release} after the handler's tasks, if it left any (then true); else false. */
        boolean releaseAfterTasks(Runnable release);
    }

    public static Event plain(EventType type, Association association) {
        return new Plain(type, Instant.now(), association, List.of());
    }

    public static ConnectionEvent connection(EventType type, Association association, InetSocketAddress address) {
        return new Connection(type, Instant.now(), association, List.of(), address);
    }

    public static DataEvent data(EventType type, Association association, byte[] data) {
        return new Data(type, Instant.now(), association, List.of(), data);
    }

    public static PduEvent pdu(EventType type, Association association, Pdu pdu) {
        return new PduImpl(type, Instant.now(), association, List.of(), pdu);
    }

    public static AcseEvent acse(EventType type, Association association, String primitive, Pdu pdu) {
        return new Acse(type, Instant.now(), association, List.of(), primitive, pdu);
    }

    public static DimseEvent dimse(EventType type, Association association, int contextId, int commandField,
            String commandName, int messageId, int status, boolean hasDataSet, Dataset command) {
        return new Dimse(type, Instant.now(), association, List.of(), contextId, commandField, commandName, messageId,
                status, hasDataSet, command);
    }

    public static FsmTransitionEvent transition(Association association, String from, String event, String action,
            String to) {
        return new Transition(EventType.EVT_FSM_TRANSITION, Instant.now(), association, List.of(), from, event,
                action, to);
    }

    public static AsyncOpsEvent asyncOps(Association association, int invoked, int performed) {
        return new AsyncOps(EventType.EVT_ASYNC_OPS, Instant.now(), association, List.of(), invoked, performed);
    }

    public static UserIdentityEvent userIdentity(Association association, int type, byte[] primary, byte[] secondary,
            boolean positiveResponseRequested) {
        return new UserIdentity(EventType.EVT_USER_ID, Instant.now(), association, List.of(), type, primary,
                secondary == null ? new byte[0] : secondary, positiveResponseRequested);
    }

    public static SopExtendedEvent sopExtended(Association association, Map<String, byte[]> items) {
        return new SopExtended(EventType.EVT_SOP_EXTENDED, Instant.now(), association, List.of(), Map.copyOf(items));
    }

    public static SopCommonEvent sopCommon(Association association,
            Map<String, SopClassCommonExtendedNegotiation> items) {
        return new SopCommon(EventType.EVT_SOP_COMMON, Instant.now(), association, List.of(), Map.copyOf(items));
    }

    public static CEchoEvent cEcho(Association association, PresentationContext context, int messageId) {
        return new CEcho(EventType.EVT_C_ECHO, Instant.now(), association, List.of(), context, messageId);
    }

    record Plain(EventType type, Instant timestamp, Association association, List<Object> arguments) implements Bound {
        @Override
        public Event withArguments(List<Object> args) {
            return new Plain(type, timestamp, association, args);
        }
    }

    record Connection(EventType type, Instant timestamp, Association association, List<Object> arguments,
            InetSocketAddress address) implements ConnectionEvent, Bound {
        @Override
        public Event withArguments(List<Object> args) {
            return new Connection(type, timestamp, association, args, address);
        }
    }

    record Data(EventType type, Instant timestamp, Association association, List<Object> arguments, byte[] bytes)
            implements DataEvent, Bound {
        @Override
        public byte[] data() {
            return bytes.clone();
        }

        @Override
        public Event withArguments(List<Object> args) {
            return new Data(type, timestamp, association, args, bytes);
        }
    }

    record PduImpl(EventType type, Instant timestamp, Association association, List<Object> arguments, Pdu pdu)
            implements PduEvent, Bound {
        @Override
        public Event withArguments(List<Object> args) {
            return new PduImpl(type, timestamp, association, args, pdu);
        }
    }

    record Acse(EventType type, Instant timestamp, Association association, List<Object> arguments, String primitive,
            Pdu pdu) implements AcseEvent, Bound {
        @Override
        public Event withArguments(List<Object> args) {
            return new Acse(type, timestamp, association, args, primitive, pdu);
        }
    }

    record Dimse(EventType type, Instant timestamp, Association association, List<Object> arguments, int contextId,
            int commandField, String commandName, int messageId, int status, boolean hasDataSet, Dataset command)
            implements DimseEvent, Bound {
        @Override
        public Event withArguments(List<Object> args) {
            return new Dimse(type, timestamp, association, args, contextId, commandField, commandName, messageId,
                    status, hasDataSet, command);
        }
    }

    record Transition(EventType type, Instant timestamp, Association association, List<Object> arguments,
            String currentState, String fsmEvent, String action, String nextState)
            implements FsmTransitionEvent, Bound {
        @Override
        public Event withArguments(List<Object> args) {
            return new Transition(type, timestamp, association, args, currentState, fsmEvent, action, nextState);
        }
    }

    record AsyncOps(EventType type, Instant timestamp, Association association, List<Object> arguments,
            int maxOperationsInvoked, int maxOperationsPerformed) implements AsyncOpsEvent, Bound {
        @Override
        public Event withArguments(List<Object> args) {
            return new AsyncOps(type, timestamp, association, args, maxOperationsInvoked, maxOperationsPerformed);
        }
    }

    record UserIdentity(EventType type, Instant timestamp, Association association, List<Object> arguments,
            int userIdentityType, byte[] primary, byte[] secondary, boolean positiveResponseRequested)
            implements UserIdentityEvent, Bound {
        @Override
        public byte[] primaryField() {
            return primary.clone();
        }

        @Override
        public byte[] secondaryField() {
            return secondary.clone();
        }

        @Override
        public Event withArguments(List<Object> args) {
            return new UserIdentity(type, timestamp, association, args, userIdentityType, primary, secondary,
                    positiveResponseRequested);
        }

        @Override
        public String toString() {
            // Never the credentials themselves.
            return "UserIdentityEvent[type " + userIdentityType + ", primary " + primary.length + " bytes]";
        }
    }

    record SopExtended(EventType type, Instant timestamp, Association association, List<Object> arguments,
            Map<String, byte[]> items) implements SopExtendedEvent, Bound {
        @Override
        public Map<String, byte[]> applicationInformation() {
            Map<String, byte[]> copy = new java.util.LinkedHashMap<>();
            items.forEach((k, v) -> copy.put(k, v.clone()));
            return copy;
        }

        @Override
        public Event withArguments(List<Object> args) {
            return new SopExtended(type, timestamp, association, args, items);
        }
    }

    record SopCommon(EventType type, Instant timestamp, Association association, List<Object> arguments,
            Map<String, SopClassCommonExtendedNegotiation> items) implements SopCommonEvent, Bound {
        @Override
        public Event withArguments(List<Object> args) {
            return new SopCommon(type, timestamp, association, args, items);
        }
    }

    record CEcho(EventType type, Instant timestamp, Association association, List<Object> arguments,
            PresentationContext context, int messageId) implements CEchoEvent, Bound {
        @Override
        public Event withArguments(List<Object> args) {
            return new CEcho(type, timestamp, association, args, context, messageId);
        }
    }
}
