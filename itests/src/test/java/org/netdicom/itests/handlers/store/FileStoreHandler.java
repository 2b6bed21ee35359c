package org.netdicom.itests.handlers.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.netdicom.core.api.Status;
import org.netdicom.core.api.event.CStoreEvent;
import org.netdicom.core.api.event.EventType;
import org.netdicom.core.api.handler.CStoreHandler;
import org.netdicom.core.api.handler.DicomEventHandler;
import org.netdicom.core.api.handler.HandlesEvent;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * A storage plugin reduced to what HotSwapIT checks: one file per SOP Instance UID in the folder
 * its bundle's {@code X-Store-Dir} header names, holding who stored it. A second store of the same
 * instance leaves a {@code .duplicate} marker (the test asserts there is none).
 */
@Component(service = DicomEventHandler.class)
@HandlesEvent(event = EventType.EVT_C_STORE)
public class FileStoreHandler implements CStoreHandler {

    private Path dir;
    private String who;

    @Activate
    void activate(BundleContext context, Map<String, Object> properties) {
        dir = Path.of(context.getBundle().getHeaders().get("X-Store-Dir"));
        who = context.getBundle().getSymbolicName() + " " + context.getBundle().getVersion() + " service "
                + properties.get("component.id");
    }

    @Override
    public Status onCStore(CStoreEvent event) throws IOException {
        String uid = event.sopInstanceUid();
        try {
            Files.writeString(dir.resolve(uid), who, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW,
                    java.nio.file.StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            Files.writeString(dir.resolve(uid + ".duplicate"), who, StandardCharsets.UTF_8);
        }
        return Status.SUCCESS;
    }
}
