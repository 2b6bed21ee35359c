package org.netdicom.core.service;

import static org.netdicom.core.service.SopClassInfo.Operation.C_ECHO;
import static org.netdicom.core.service.SopClassInfo.Operation.C_FIND;
import static org.netdicom.core.service.SopClassInfo.Operation.C_GET;
import static org.netdicom.core.service.SopClassInfo.Operation.C_MOVE;
import static org.netdicom.core.service.SopClassInfo.Operation.C_STORE;
import static org.netdicom.core.service.SopClassInfo.Operation.N_ACTION;
import static org.netdicom.core.service.SopClassInfo.Operation.N_CREATE;
import static org.netdicom.core.service.SopClassInfo.Operation.N_DELETE;
import static org.netdicom.core.service.SopClassInfo.Operation.N_EVENT_REPORT;
import static org.netdicom.core.service.SopClassInfo.Operation.N_GET;
import static org.netdicom.core.service.SopClassInfo.Operation.N_SET;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.netdicom.core.api.ServiceClass;
import org.netdicom.core.service.SopClassInfo.Operation;
import org.netdicom.data.dict.UidEntry;
import org.netdicom.data.dict.UidRegistry;
import org.netdicom.data.dict.UidType;

/**
 * The SOP class catalogue: which PS3.4 service class serves a SOP class, which DIMSE operations the
 * SOP class defines, the information models of the query/retrieve service classes, and the storage
 * SOP classes to accept or propose. Built once from the UID registry of the data bundle; everything
 * it returns is immutable, and look-ups are thread-safe.
 *
 * <p><b>Storage SOP classes.</b> A SOP class of PS3.6 is a storage SOP class if its keyword, without
 * a trailing {@code Trial} or {@code Retired} and then a trailing {@code ForPresentation} or
 * {@code ForProcessing}, ends in {@code Storage}: every SOP class of PS3.4 Annex B (Storage) and
 * Annex GG (Non-Patient Object Storage) is named so, and no other is. Media Storage Directory
 * Storage (the DICOMDIR) is the exception: PS3.10 defines it for media only and no network service
 * stores it. Storage Commitment and Storage Management do not match the rule
 * (their keywords end otherwise). The nine SOP classes of Annex GG are listed here by keyword; every
 * other storage SOP class belongs to Storage. Retired storage SOP classes are included: instances
 * of them still arrive from old archives and an SCP loses nothing by accepting them; callers who
 * want only current ones filter on {@link SopClassInfo#retired()}.
 *
 * <p><b>Everything else</b> is listed explicitly below from PS3.4, with the operations of each SOP
 * class's DIMSE service group. A meta SOP class (Basic Grayscale/Color Print Management) permits the
 * operations of the SOP classes it bundles.
 *
 * <p><b>Private and unknown SOP classes</b> have no entry: {@link #of} returns null and
 * {@link #isStorage} false. Whether an AE routes every C-STORE to storage regardless (pynetdicom's
 * {@code UNRESTRICTED_STORAGE_SERVICE}) is the caller's decision.
 */
public final class ServiceClassRegistry {

    /** PS3.4 GG.3: the SOP classes of the Non-Patient Object Storage service class. */
    private static final Set<String> NON_PATIENT_OBJECTS = Set.of("HangingProtocolStorage", "ColorPaletteStorage",
            "GenericImplantTemplateStorage", "ImplantAssemblyTemplateStorage", "ImplantTemplateGroupStorage",
            "CTDefinedProcedureProtocolStorage", "XADefinedProcedureProtocolStorage", "ProtocolApprovalStorage",
            "InventoryStorage");

    /** Named like storage, but for media only (PS3.10). */
    private static final String MEDIA_STORAGE_DIRECTORY = "MediaStorageDirectoryStorage";

    /**
     * The storage SOP classes a requestor proposes when it cannot propose them all: a C-GET SCU
     * offers the SCP role for each next to its query/retrieve contexts, and an association has at most
     * 128 presentation contexts (PS3.8 7.1.1.13: odd IDs 1-255). Sixty leave room for each class in
     * two contexts (say, uncompressed and compressed) plus a few query/retrieve ones.
     */
    private static final List<String> COMMON_STORAGE_KEYWORDS = List.of(
            "ComputedRadiographyImageStorage",
            "DigitalXRayImageStorageForPresentation", "DigitalXRayImageStorageForProcessing",
            "DigitalMammographyXRayImageStorageForPresentation", "DigitalMammographyXRayImageStorageForProcessing",
            "DigitalIntraOralXRayImageStorageForPresentation", "DigitalIntraOralXRayImageStorageForProcessing",
            "CTImageStorage", "EnhancedCTImageStorage",
            "MRImageStorage", "EnhancedMRImageStorage", "MRSpectroscopyStorage",
            "UltrasoundImageStorage", "UltrasoundMultiFrameImageStorage", "EnhancedUSVolumeStorage",
            "NuclearMedicineImageStorage",
            "PositronEmissionTomographyImageStorage", "EnhancedPETImageStorage",
            "XRayAngiographicImageStorage", "EnhancedXAImageStorage",
            "XRayRadiofluoroscopicImageStorage", "EnhancedXRFImageStorage",
            "BreastTomosynthesisImageStorage",
            "RTImageStorage", "RTDoseStorage", "RTStructureSetStorage", "RTPlanStorage", "RTIonPlanStorage",
            "RTBeamsTreatmentRecordStorage", "RTBrachyTreatmentRecordStorage", "RTIonBeamsTreatmentRecordStorage",
            "SecondaryCaptureImageStorage", "MultiFrameSingleBitSecondaryCaptureImageStorage",
            "MultiFrameGrayscaleByteSecondaryCaptureImageStorage",
            "MultiFrameGrayscaleWordSecondaryCaptureImageStorage",
            "MultiFrameTrueColorSecondaryCaptureImageStorage",
            "GrayscaleSoftcopyPresentationStateStorage", "ColorSoftcopyPresentationStateStorage",
            "BlendingSoftcopyPresentationStateStorage",
            "KeyObjectSelectionDocumentStorage", "BasicTextSRStorage", "EnhancedSRStorage",
            "ComprehensiveSRStorage", "Comprehensive3DSRStorage", "MammographyCADSRStorage",
            "XRayRadiationDoseSRStorage",
            "EncapsulatedPDFStorage",
            "VLPhotographicImageStorage", "VLEndoscopicImageStorage", "VideoEndoscopicImageStorage",
            "VLMicroscopicImageStorage", "VLWholeSlideMicroscopyImageStorage",
            "OphthalmicPhotography8BitImageStorage", "OphthalmicTomographyImageStorage",
            "SegmentationStorage", "SpatialRegistrationStorage", "DeformableSpatialRegistrationStorage",
            "RawDataStorage",
            "TwelveLeadECGWaveformStorage", "GeneralECGWaveformStorage");

    private static final Map<String, Definition> DEFINITIONS = new HashMap<>();
    private static final Map<ServiceClass, List<InformationModel>> MODELS = new EnumMap<>(ServiceClass.class);
    private static final Map<String, InformationModel> MODEL_OF = new HashMap<>();
    private static final Map<String, SopClassInfo> BY_UID = new HashMap<>();
    private static final Map<ServiceClass, List<String>> BY_SERVICE = new EnumMap<>(ServiceClass.class);
    private static final Map<String, List<String>> WELL_KNOWN_INSTANCES = new HashMap<>();
    private static final Set<String> STORAGE;
    private static final List<String> COMMON_STORAGE;

    private record Definition(ServiceClass service, Set<Operation> operations) {
    }

    static {
        define(ServiceClass.VERIFICATION, EnumSet.of(C_ECHO), "Verification");

        // PS3.4 Annex C, with Y (Composite Instance Root), Z (Without Bulk Data) and C.6.4 (Repository Query)
        findMoveGet(ServiceClass.QUERY_RETRIEVE, "Patient Root", "PatientRootQueryRetrieveInformationModel");
        findMoveGet(ServiceClass.QUERY_RETRIEVE, "Study Root", "StudyRootQueryRetrieveInformationModel");
        findMoveGet(ServiceClass.QUERY_RETRIEVE, "Patient/Study Only", "PatientStudyOnlyQueryRetrieveInformationModel");
        model(ServiceClass.QUERY_RETRIEVE, "Composite Instance Root", null, "CompositeInstanceRootRetrieveMove",
                "CompositeInstanceRootRetrieveGet");
        model(ServiceClass.QUERY_RETRIEVE, "Composite Instance Retrieve Without Bulk Data", null, null,
                "CompositeInstanceRetrieveWithoutBulkDataGet");
        find(ServiceClass.QUERY_RETRIEVE, "Repository Query", "RepositoryQuery");
        // Annex K
        find(ServiceClass.BASIC_WORKLIST_MANAGEMENT, "Modality Worklist", "ModalityWorklistInformationModelFind");
        // Annex Q
        find(ServiceClass.RELEVANT_PATIENT_INFORMATION_QUERY, "General Relevant Patient Information",
                "GeneralRelevantPatientInformationQuery");
        find(ServiceClass.RELEVANT_PATIENT_INFORMATION_QUERY, "Breast Imaging Relevant Patient Information",
                "BreastImagingRelevantPatientInformationQuery");
        find(ServiceClass.RELEVANT_PATIENT_INFORMATION_QUERY, "Cardiac Relevant Patient Information",
                "CardiacRelevantPatientInformationQuery");
        // Annex V
        find(ServiceClass.SUBSTANCE_ADMINISTRATION_QUERY, "Product Characteristics", "ProductCharacteristicsQuery");
        find(ServiceClass.SUBSTANCE_ADMINISTRATION_QUERY, "Substance Approval", "SubstanceApprovalQuery");
        // Annexes U, X, HH, BB, II, JJ
        findMoveGet(ServiceClass.HANGING_PROTOCOL_QR, "Hanging Protocol", "HangingProtocolInformationModel");
        findMoveGet(ServiceClass.COLOR_PALETTE_QR, "Color Palette", "ColorPaletteQueryRetrieveInformationModel");
        findMoveGet(ServiceClass.DEFINED_PROCEDURE_PROTOCOL_QR, "Defined Procedure Protocol",
                "DefinedProcedureProtocolInformationModel");
        findMoveGet(ServiceClass.IMPLANT_TEMPLATE_QR, "Generic Implant Template",
                "GenericImplantTemplateInformationModel");
        findMoveGet(ServiceClass.IMPLANT_TEMPLATE_QR, "Implant Assembly Template",
                "ImplantAssemblyTemplateInformationModel");
        findMoveGet(ServiceClass.IMPLANT_TEMPLATE_QR, "Implant Template Group", "ImplantTemplateGroupInformationModel");
        findMoveGet(ServiceClass.PROTOCOL_APPROVAL_QR, "Protocol Approval", "ProtocolApprovalInformationModel");
        findMoveGet(ServiceClass.INVENTORY_QR, "Inventory", "Inventory");

        // Annex R
        define(ServiceClass.INSTANCE_AVAILABILITY_NOTIFICATION, EnumSet.of(N_CREATE),
                "InstanceAvailabilityNotification");
        // Annex J: the SCP answers with N-EVENT-REPORT on the same context
        define(ServiceClass.STORAGE_COMMITMENT, EnumSet.of(N_ACTION, N_EVENT_REPORT), "StorageCommitmentPushModel");
        // Annex F
        define(ServiceClass.PROCEDURE_STEP, EnumSet.of(N_CREATE, N_SET), "ModalityPerformedProcedureStep");
        define(ServiceClass.PROCEDURE_STEP, EnumSet.of(N_GET), "ModalityPerformedProcedureStepRetrieve");
        define(ServiceClass.PROCEDURE_STEP, EnumSet.of(N_EVENT_REPORT), "ModalityPerformedProcedureStepNotification");
        // Annex H: the DIMSE service group of each print SOP class
        define(ServiceClass.PRINT_MANAGEMENT, EnumSet.of(N_CREATE, N_SET, N_DELETE, N_ACTION), "BasicFilmSession",
                "BasicFilmBox");
        define(ServiceClass.PRINT_MANAGEMENT, EnumSet.of(N_SET), "BasicGrayscaleImageBox", "BasicColorImageBox",
                "BasicAnnotationBox");
        define(ServiceClass.PRINT_MANAGEMENT, EnumSet.of(N_GET, N_EVENT_REPORT), "PrintJob", "Printer");
        define(ServiceClass.PRINT_MANAGEMENT, EnumSet.of(N_GET), "PrinterConfigurationRetrieval");
        define(ServiceClass.PRINT_MANAGEMENT, EnumSet.of(N_CREATE, N_DELETE), "PresentationLUT");
        // H.3: film session, film box, image box and printer together
        define(ServiceClass.PRINT_MANAGEMENT, EnumSet.of(N_CREATE, N_SET, N_DELETE, N_ACTION, N_GET, N_EVENT_REPORT),
                "BasicGrayscalePrintManagementMeta", "BasicColorPrintManagementMeta");
        // Annex EE
        define(ServiceClass.DISPLAY_SYSTEM_MANAGEMENT, EnumSet.of(N_GET), "DisplaySystem");
        // Annex S
        define(ServiceClass.MEDIA_CREATION_MANAGEMENT, EnumSet.of(N_CREATE, N_ACTION, N_GET),
                "MediaCreationManagement");
        // Annex CC, Tables CC.2-1 to CC.2-5
        define(ServiceClass.UNIFIED_PROCEDURE_STEP, EnumSet.of(N_CREATE, N_ACTION, N_GET), "UnifiedProcedureStepPush");
        define(ServiceClass.UNIFIED_PROCEDURE_STEP, EnumSet.of(N_ACTION, N_GET, C_FIND), "UnifiedProcedureStepWatch");
        define(ServiceClass.UNIFIED_PROCEDURE_STEP, EnumSet.of(C_FIND, N_GET, N_SET, N_ACTION),
                "UnifiedProcedureStepPull");
        define(ServiceClass.UNIFIED_PROCEDURE_STEP, EnumSet.of(N_EVENT_REPORT), "UnifiedProcedureStepEvent");
        define(ServiceClass.UNIFIED_PROCEDURE_STEP, EnumSet.of(C_FIND, N_GET), "UnifiedProcedureStepQuery");
        // Annex DD
        define(ServiceClass.RT_MACHINE_VERIFICATION,
                EnumSet.of(N_CREATE, N_SET, N_GET, N_ACTION, N_DELETE, N_EVENT_REPORT),
                "RTConventionalMachineVerification", "RTIonMachineVerification");
        // Annex P
        define(ServiceClass.APPLICATION_EVENT_LOGGING, EnumSet.of(N_ACTION), "ProceduralEventLogging",
                "SubstanceAdministrationLogging");
        // Annex KK
        define(ServiceClass.STORAGE_MANAGEMENT, EnumSet.of(N_ACTION, N_EVENT_REPORT), "InventoryCreation");

        wellKnown("Printer", "PrinterInstance");
        wellKnown("PrinterConfigurationRetrieval", "PrinterConfigurationRetrievalInstance");
        wellKnown("DisplaySystem", "DisplaySystemInstance");
        wellKnown("StorageCommitmentPushModel", "StorageCommitmentPushModelInstance");
        wellKnown("ProceduralEventLogging", "ProceduralEventLoggingInstance");
        wellKnown("SubstanceAdministrationLogging", "SubstanceAdministrationLoggingInstance");
        wellKnown("InventoryCreation", "StorageManagementInstance");
        // Annex CC: a (filtered) global subscription is a UPS Watch N-ACTION on one of these instances
        wellKnown("UnifiedProcedureStepWatch", "UPSGlobalSubscriptionInstance",
                "UPSFilteredGlobalSubscriptionInstance");

        Map<ServiceClass, List<String>> byService = new EnumMap<>(ServiceClass.class);
        Set<String> storage = new LinkedHashSet<>();
        for (UidEntry e : UidRegistry.entries()) {
            if (e.type() != UidType.SOP_CLASS && e.type() != UidType.META_SOP_CLASS) {
                continue;
            }
            Definition d = DEFINITIONS.get(e.keyword());
            if (d == null && isStorageKeyword(e.keyword())) {
                d = new Definition(NON_PATIENT_OBJECTS.contains(e.keyword())
                        ? ServiceClass.NON_PATIENT_OBJECT_STORAGE : ServiceClass.STORAGE, EnumSet.of(C_STORE));
                storage.add(e.uid());
            }
            if (d != null) {
                BY_UID.put(e.uid(), new SopClassInfo(e.uid(), e.keyword(), d.service(), d.operations(), e.retired()));
                byService.computeIfAbsent(d.service(), s -> new ArrayList<>()).add(e.uid());
            }
        }
        for (String keyword : NON_PATIENT_OBJECTS) {
            uid(keyword); // fails if uids.tsv lacks one
        }
        byService.forEach((service, uids) -> BY_SERVICE.put(service, List.copyOf(uids)));
        STORAGE = Collections.unmodifiableSet(storage);

        List<String> common = new ArrayList<>();
        for (String keyword : COMMON_STORAGE_KEYWORDS) {
            String uid = uid(keyword);
            if (!STORAGE.contains(uid) || BY_UID.get(uid).retired()) {
                throw new IllegalStateException("not a current storage SOP class: " + keyword);
            }
            common.add(uid);
        }
        COMMON_STORAGE = List.copyOf(common);
    }

    private ServiceClassRegistry() {
    }

    private static void define(ServiceClass service, Set<Operation> operations, String... keywords) {
        for (String keyword : keywords) {
            uid(keyword); // fails if uids.tsv lacks it
            DEFINITIONS.put(keyword, new Definition(service, operations));
        }
    }

    /** A model whose SOP class keywords are {@code stem} followed by Find, Move and Get. */
    private static void findMoveGet(ServiceClass service, String name, String stem) {
        model(service, name, stem + "Find", stem + "Move", stem + "Get");
    }

    private static void find(ServiceClass service, String name, String keyword) {
        model(service, name, keyword, null, null);
    }

    private static void model(ServiceClass service, String name, String find, String move, String get) {
        InformationModel m = new InformationModel(name, service, uidOrNull(find), uidOrNull(move), uidOrNull(get));
        MODELS.computeIfAbsent(service, s -> new ArrayList<>()).add(m);
        for (Operation op : new Operation[] {C_FIND, C_MOVE, C_GET}) {
            String uid = m.sopClass(op);
            if (uid != null) {
                DEFINITIONS.put(UidRegistry.entry(uid).keyword(), new Definition(service, EnumSet.of(op)));
                MODEL_OF.put(uid, m);
            }
        }
    }

    private static void wellKnown(String sopClass, String... instances) {
        List<String> uids = new ArrayList<>();
        for (String keyword : instances) {
            uids.add(uid(keyword));
        }
        WELL_KNOWN_INSTANCES.put(uid(sopClass), List.copyOf(uids));
    }

    private static String uidOrNull(String keyword) {
        return keyword == null ? null : uid(keyword);
    }

    private static String uid(String keyword) {
        UidEntry e = UidRegistry.entryByKeyword(keyword);
        if (e == null) {
            throw new IllegalStateException("UID registry lacks " + keyword);
        }
        return e.uid();
    }

    private static boolean isStorageKeyword(String keyword) {
        String k = withoutSuffix(keyword, "Trial", "Retired");
        k = withoutSuffix(k, "ForPresentation", "ForProcessing");
        return k.endsWith("Storage") && !keyword.equals(MEDIA_STORAGE_DIRECTORY);
    }

    private static String withoutSuffix(String keyword, String... suffixes) {
        for (String suffix : suffixes) {
            if (keyword.endsWith(suffix)) {
                return keyword.substring(0, keyword.length() - suffix.length());
            }
        }
        return keyword;
    }

    /** The service class that serves a SOP class, or null for an unknown, private or unserved one. */
    public static ServiceClass of(String sopClassUid) {
        SopClassInfo info = info(sopClassUid);
        return info == null ? null : info.service();
    }

    /** What the catalogue knows of a SOP class, or null for an unknown, private or unserved one. */
    public static SopClassInfo info(String sopClassUid) {
        return sopClassUid == null ? null : BY_UID.get(sopClassUid);
    }

    /**
     * True if {@code sopClassUid} is a known SOP class that defines {@code operation}; false for an
     * unknown one, so a dispatcher can answer "unrecognized operation" (0x0211) to both.
     */
    public static boolean permits(String sopClassUid, Operation operation) {
        SopClassInfo info = info(sopClassUid);
        return info != null && info.permits(operation);
    }

    /** The SOP classes of a service class, in the order of PS3.6 Annex A; empty for none. */
    public static List<String> sopClasses(ServiceClass service) {
        return BY_SERVICE.getOrDefault(service, List.of());
    }

    /**
     * All storage SOP classes, Storage and Non-Patient Object Storage, retired ones included, in the
     * order of PS3.6 Annex A. See the class comment for the rule.
     */
    public static Set<String> storageSopClasses() {
        return STORAGE;
    }

    /**
     * True if {@code sopClassUid} is a storage SOP class (Storage or Non-Patient Object Storage); false
     * for unknown and private UIDs, which a caller may still choose to store.
     */
    public static boolean isStorage(String sopClassUid) {
        return sopClassUid != null && STORAGE.contains(sopClassUid);
    }

    /**
     * The sixty most used current storage SOP classes (cross-sectional, projection and ultrasound
     * images, RT objects, secondary capture, presentation states, SR and key objects, PDF, visible
     * light, ophthalmic, segmentation, registration, raw data, ECG), for a requestor that must stay
     * within 128 presentation contexts, such as a C-GET SCU taking the SCP role for storage.
     */
    public static List<String> commonStorageSopClasses() {
        return COMMON_STORAGE;
    }

    /**
     * The information models of a query or query/retrieve service class (Query/Retrieve, Basic
     * Worklist Management, Relevant Patient Information Query, Substance Administration Query and
     * the *_QR ones), in the order of PS3.4; empty for any other service class.
     */
    public static List<InformationModel> informationModels(ServiceClass service) {
        List<InformationModel> models = MODELS.get(service);
        return models == null ? List.of() : Collections.unmodifiableList(models);
    }

    /** The information model that a FIND, MOVE or GET SOP class queries or retrieves from, or null. */
    public static InformationModel informationModelOf(String sopClassUid) {
        return sopClassUid == null ? null : MODEL_OF.get(sopClassUid);
    }

    /**
     * The well-known SOP instances (PS3.6 Table A-1) that requests of a SOP class address, e.g. the
     * Printer SOP Instance for the Printer SOP Class; empty if the SOP class has none.
     */
    public static List<String> wellKnownInstances(String sopClassUid) {
        return sopClassUid == null ? List.of() : WELL_KNOWN_INSTANCES.getOrDefault(sopClassUid, List.of());
    }
}
