package org.netdicom.core.service;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;

import org.netdicom.core.api.Association;
import org.netdicom.core.api.PresentationContext;
import org.netdicom.core.api.event.Event;
import org.netdicom.core.api.event.EventType;
import org.netdicom.core.api.event.NActionEvent;
import org.netdicom.core.api.event.NCreateEvent;
import org.netdicom.core.api.event.NDeleteEvent;
import org.netdicom.core.api.event.NEventReportEvent;
import org.netdicom.core.api.event.NGetEvent;
import org.netdicom.core.api.event.NServiceEvent;
import org.netdicom.core.api.event.NSetEvent;
import org.netdicom.core.dimse.CommandField;
import org.netdicom.core.dimse.CommandSet;
import org.netdicom.core.dimse.CommandTag;
import org.netdicom.core.dimse.DataSetCodec;
import org.netdicom.core.dimse.ReceivedDataSet;
import org.netdicom.core.event.Events;
import org.netdicom.data.Dataset;

/**
 * The events of the DIMSE-N requests: one class per event type over a shared request, whose data
 * set is decoded once, on first access, in the context's transfer syntax.
 */
abstract class NormalizedEvent implements NServiceEvent, Events.Bound {

    /** What every view of one request shares (a handler bound with arguments gets its own view). */
    static final class Request {
        final Association association;
        final PresentationContext context;
        final CommandSet command;
        final String sopClass;
        final String sopInstance;
        private final ReceivedDataSet data;
        private final Instant timestamp = Instant.now();
        private Dataset decoded;

        Request(Association association, PresentationContext context, CommandSet command, String sopClass,
                String sopInstance, ReceivedDataSet data) {
            this.association = association;
            this.context = context;
            this.command = command;
            this.sopClass = sopClass;
            this.sopInstance = sopInstance;
            this.data = data;
        }

        synchronized Dataset dataSet() throws IOException {
            if (decoded == null) {
                decoded = data == null ? new Dataset() : DataSetCodec.decode(data, context.transferSyntax());
            }
            return decoded;
        }
    }

    final Request request;
    private final List<Object> arguments;
    private final EventType type;
    /** Makes another view of the same request, of this event's class (for {@link #withArguments}). */
    private final BiFunction<Request, List<Object>, NormalizedEvent> view;

    private NormalizedEvent(Request request, List<Object> arguments, EventType type,
            BiFunction<Request, List<Object>, NormalizedEvent> view) {
        this.request = request;
        this.arguments = arguments;
        this.type = type;
        this.view = view;
    }

    /** The event of {@code request}, by its command field. */
    static NormalizedEvent of(Request request) {
        return switch (request.command.commandField()) {
            case CommandField.N_EVENT_REPORT_RQ -> new EventReport(request, List.of());
            case CommandField.N_GET_RQ -> new Get(request, List.of());
            case CommandField.N_SET_RQ -> new Set(request, List.of());
            case CommandField.N_ACTION_RQ -> new Action(request, List.of());
            case CommandField.N_CREATE_RQ -> new Create(request, List.of());
            case CommandField.N_DELETE_RQ -> new Delete(request, List.of());
            default -> throw new IllegalArgumentException(request.command + " is not a DIMSE-N request");
        };
    }

    @Override
    public EventType type() {
        return type;
    }

    @Override
    public Event withArguments(List<Object> args) {
        return view.apply(request, List.copyOf(args));
    }

    @Override
    public Instant timestamp() {
        return request.timestamp;
    }

    @Override
    public Association association() {
        return request.association;
    }

    @Override
    public List<Object> arguments() {
        return arguments;
    }

    @Override
    public PresentationContext context() {
        return request.context;
    }

    @Override
    public int messageId() {
        return request.command.getInt(CommandTag.MESSAGE_ID, -1);
    }

    @Override
    public String sopClassUid() {
        return request.sopClass;
    }

    @Override
    public String sopInstanceUid() {
        return request.sopInstance;
    }

    @Override
    public Dataset command() {
        return request.command.toDataset();
    }

    @Override
    public String toString() {
        return type() + " " + request.sopClass + " " + request.sopInstance;
    }

    static final class EventReport extends NormalizedEvent implements NEventReportEvent {
        EventReport(Request request, List<Object> arguments) {
            super(request, arguments, EventType.EVT_N_EVENT_REPORT, EventReport::new);
        }

        @Override
        public int eventTypeId() {
            return request.command.getInt(CommandTag.EVENT_TYPE_ID, -1);
        }

        @Override
        public Dataset eventInformation() throws IOException {
            return request.dataSet();
        }
    }

    static final class Get extends NormalizedEvent implements NGetEvent {
        Get(Request request, List<Object> arguments) {
            super(request, arguments, EventType.EVT_N_GET, Get::new);
        }

        @Override
        public int[] attributeIdentifiers() {
            int[] tags = request.command.getTags(CommandTag.ATTRIBUTE_IDENTIFIER_LIST);
            return tags == null ? new int[0] : tags;
        }
    }

    static final class Set extends NormalizedEvent implements NSetEvent {
        Set(Request request, List<Object> arguments) {
            super(request, arguments, EventType.EVT_N_SET, Set::new);
        }

        @Override
        public Dataset modificationList() throws IOException {
            return request.dataSet();
        }
    }

    static final class Action extends NormalizedEvent implements NActionEvent {
        Action(Request request, List<Object> arguments) {
            super(request, arguments, EventType.EVT_N_ACTION, Action::new);
        }

        @Override
        public int actionTypeId() {
            return request.command.getInt(CommandTag.ACTION_TYPE_ID, -1);
        }

        @Override
        public Dataset actionInformation() throws IOException {
            return request.dataSet();
        }
    }

    static final class Create extends NormalizedEvent implements NCreateEvent {
        Create(Request request, List<Object> arguments) {
            super(request, arguments, EventType.EVT_N_CREATE, Create::new);
        }

        @Override
        public Dataset attributeList() throws IOException {
            return request.dataSet();
        }
    }

    static final class Delete extends NormalizedEvent implements NDeleteEvent {
        Delete(Request request, List<Object> arguments) {
            super(request, arguments, EventType.EVT_N_DELETE, Delete::new);
        }
    }
}
