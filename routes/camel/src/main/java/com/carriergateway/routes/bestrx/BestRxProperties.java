package com.carriergateway.routes.bestrx;

import com.carriergateway.adapter.model.DeliveryStatus;
import com.carriergateway.adapter.model.DocumentFormat;
import com.carriergateway.adapter.model.Signer;
import com.carriergateway.core.answer.MessageType;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the gateway speaks BestRx ({@code gateway.bestrx.*}). BestRx publishes names, not numbers, for its
 * code tables and is inconsistent about types, so every such choice is here with the documented default
 * (all unconfirmed by BestRx; see src/site/markdown/configuration.md).
 */
@ConfigurationProperties("gateway.bestrx")
public class BestRxProperties {

    /** Prefix before /Order/… and /Address/…, e.g. {@code /bestrx}. Empty by default. */
    private String pathPrefix = "";

    /** Canonical status → BestRx status code and description (spec §7.1 default; 7/8 follow field evidence). */
    private Map<DeliveryStatus, StatusCode> statusCodes = defaultStatusCodes();

    /** Message type numbers (assumed 0 Information … 4 Unknown, as a working integrator sends 2 for errors). */
    private Map<MessageType, Integer> messageTypes = defaultMessageTypes();

    /** Label/manifest file types (assumed 1 PNG, 2 JPEG, 3 GIF, 4 Base64). Unlisted formats are sent as null. */
    private Map<DocumentFormat, Integer> fileTypes = defaultFileTypes();

    /** Signer relation codes for the callback (assumed ASAP numbering without leading zeros). */
    private Map<Signer.SignerRelation, String> signerRelations = defaultRelations();

    /** ID type codes for the callback (assumed ASAP numbering without leading zeros). */
    private Map<Signer.IdType, String> idTypes = defaultIdTypes();

    private Envelope envelope = new Envelope();

    /** Envelope details BestRx's examples disagree on. */
    public static class Envelope {
        /** {@code request_is_valid} as "true"/"false" strings (CreateOrder, ValidateAddress examples) or booleans. */
        private boolean createOrderValidAsString = true;
        private boolean validateAddressValidAsString = true;
        /** The CancelOrder example uses a boolean. */
        private boolean cancelOrderValidAsString = false;
        private String messageCodeKey = "message_code";
        private String messageTextKey = "message";
        private String messageTypeKey = "message_type";
        /** Adds {@code source}, {@code field}, {@code carrier}, {@code carrier_code} to each message. */
        private boolean messageDetails = true;
        /** Adds {@code request_id} to every envelope (it is always in the X-Request-ID header). */
        private boolean requestId = true;
        /** Also send {@code status_code_description} beside the documented {@code status_Code_description} in callbacks. */
        private boolean callbackBothDescriptionSpellings = false;

        public boolean isCreateOrderValidAsString() { return createOrderValidAsString; }
        public void setCreateOrderValidAsString(boolean v) { this.createOrderValidAsString = v; }
        public boolean isValidateAddressValidAsString() { return validateAddressValidAsString; }
        public void setValidateAddressValidAsString(boolean v) { this.validateAddressValidAsString = v; }
        public boolean isCancelOrderValidAsString() { return cancelOrderValidAsString; }
        public void setCancelOrderValidAsString(boolean v) { this.cancelOrderValidAsString = v; }
        public String getMessageCodeKey() { return messageCodeKey; }
        public void setMessageCodeKey(String v) { this.messageCodeKey = v; }
        public String getMessageTextKey() { return messageTextKey; }
        public void setMessageTextKey(String v) { this.messageTextKey = v; }
        public String getMessageTypeKey() { return messageTypeKey; }
        public void setMessageTypeKey(String v) { this.messageTypeKey = v; }
        public boolean isMessageDetails() { return messageDetails; }
        public void setMessageDetails(boolean v) { this.messageDetails = v; }
        public boolean isRequestId() { return requestId; }
        public void setRequestId(boolean v) { this.requestId = v; }
        public boolean isCallbackBothDescriptionSpellings() { return callbackBothDescriptionSpellings; }
        public void setCallbackBothDescriptionSpellings(boolean v) { this.callbackBothDescriptionSpellings = v; }
    }

    /** A BestRx status code and the description always sent with it. */
    public static class StatusCode {
        private String code;
        private String description;

        public StatusCode() {
        }

        public StatusCode(String code, String description) {
            this.code = code;
            this.description = description;
        }

        public String getCode() { return code; }
        public void setCode(String code) { this.code = code; }
        public String getDescription() { return description; }
        public void setDescription(String description) { this.description = description; }
    }

    static Map<DeliveryStatus, StatusCode> defaultStatusCodes() {
        Map<DeliveryStatus, StatusCode> m = new EnumMap<>(DeliveryStatus.class);
        m.put(DeliveryStatus.CREATED, new StatusCode("1", "Order Created"));
        m.put(DeliveryStatus.ACKNOWLEDGED, new StatusCode("2", "Order Acknowledged"));
        m.put(DeliveryStatus.CANCELLED, new StatusCode("3", "Delivery/Shipment Cancelled"));
        m.put(DeliveryStatus.PICKED_UP, new StatusCode("4", "Picked Up by Courier/Carrier"));
        m.put(DeliveryStatus.IN_TRANSIT, new StatusCode("5", "Delivery/Shipment In Transit"));
        m.put(DeliveryStatus.OUT_FOR_DELIVERY, new StatusCode("6", "Out For Delivery"));
        m.put(DeliveryStatus.DELIVERY_ATTEMPTED, new StatusCode("7", "Delivery Attempted"));
        m.put(DeliveryStatus.DELIVERED, new StatusCode("8", "Delivery/Shipment Delivered"));
        m.put(DeliveryStatus.UNABLE_TO_DELIVER, new StatusCode("9", "Unable To Deliver"));
        m.put(DeliveryStatus.RETURNED, new StatusCode("10", "Returned To Pharmacy/Store"));
        return m;
    }

    static Map<MessageType, Integer> defaultMessageTypes() {
        Map<MessageType, Integer> m = new EnumMap<>(MessageType.class);
        for (MessageType t : MessageType.values()) {
            m.put(t, t.ordinal());
        }
        return m;
    }

    static Map<DocumentFormat, Integer> defaultFileTypes() {
        Map<DocumentFormat, Integer> m = new EnumMap<>(DocumentFormat.class);
        m.put(DocumentFormat.PNG, 1);
        m.put(DocumentFormat.JPEG, 2);
        m.put(DocumentFormat.GIF, 3);
        m.put(DocumentFormat.BASE64, 4);
        return m;
    }

    static Map<Signer.SignerRelation, String> defaultRelations() {
        Map<Signer.SignerRelation, String> m = new EnumMap<>(Signer.SignerRelation.class);
        m.put(Signer.SignerRelation.PATIENT, "1");
        m.put(Signer.SignerRelation.PARENT_OR_GUARDIAN, "2");
        m.put(Signer.SignerRelation.SPOUSE, "3");
        m.put(Signer.SignerRelation.CAREGIVER, "4");
        m.put(Signer.SignerRelation.OTHER, "99");
        return m;
    }

    static Map<Signer.IdType, String> defaultIdTypes() {
        Map<Signer.IdType, String> m = new EnumMap<>(Signer.IdType.class);
        Signer.IdType[] order = Signer.IdType.values();
        for (int i = 0; i < order.length; i++) {
            m.put(order[i], order[i] == Signer.IdType.OTHER ? "99" : String.valueOf(i + 1));
        }
        return m;
    }

    public String getPathPrefix() { return pathPrefix; }
    public void setPathPrefix(String pathPrefix) { this.pathPrefix = pathPrefix == null ? "" : pathPrefix; }
    public Map<DeliveryStatus, StatusCode> getStatusCodes() { return statusCodes; }
    public void setStatusCodes(Map<DeliveryStatus, StatusCode> statusCodes) { this.statusCodes.putAll(statusCodes); }
    public Map<MessageType, Integer> getMessageTypes() { return messageTypes; }
    public void setMessageTypes(Map<MessageType, Integer> messageTypes) { this.messageTypes.putAll(messageTypes); }
    public Map<DocumentFormat, Integer> getFileTypes() { return fileTypes; }
    public void setFileTypes(Map<DocumentFormat, Integer> fileTypes) { this.fileTypes.putAll(fileTypes); }
    public Map<Signer.SignerRelation, String> getSignerRelations() { return signerRelations; }
    public void setSignerRelations(Map<Signer.SignerRelation, String> v) { this.signerRelations.putAll(v); }
    public Map<Signer.IdType, String> getIdTypes() { return idTypes; }
    public void setIdTypes(Map<Signer.IdType, String> v) { this.idTypes.putAll(v); }
    public Envelope getEnvelope() { return envelope; }
    public void setEnvelope(Envelope envelope) { this.envelope = envelope; }
}
