package com.carriergateway.adapter.connect;

import com.carriergateway.adapter.contract.CarrierSettingsBinding;
import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.adapter.contract.SampleOrders;
import com.carriergateway.adapter.model.DeliveryOrder;
import com.carriergateway.adapter.model.Party;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSeedOrderCarriesOnlyItsReferenceAndContactPlusTheConfiguredDefaults() throws Exception {
        JsonNode body = JSON.readTree(ConnectRequests.createOrder(SampleOrders.seedOrder(), settings(Map.of(
                "order-defaults.remoteQualificationSearchId", "3f1c9a52-0000-4000-8000-000000000001",
                "order-defaults.term", "1",
                "order-defaults.potsWaiver", "false",
                "service-level.NORMAL", "Home Fast 100/20"))));

        assertThat(body).isEqualTo(JSON.readTree("""
                {"sourceType":"nbn","aggregationMethod":"L2TP",
                 "remoteQualificationSearchId":"3f1c9a52-0000-4000-8000-000000000001","term":1,"potsWaiver":false,
                 "planName":"Home Fast 100/20","customerReference":"CG-SEED1001","contactName":"Jane Doe",
                 "contactPhone":"45678946785","contactEmail":"jane.doe@doeind.com"}"""));
    }

    @Test
    void noPrescriptionCustomerOrAddressDataTravels() {
        String body = ConnectRequests.createOrder(SampleOrders.seedOrder(), settings(Map.of()));

        assertThat(body).doesNotContain("610011", "Joplin", "Bloomingdale", "500 Second Ave", "111111", "BANDAGE");
    }

    @Test
    void aLongNameIsCutTo40AndALongEmailIsLeftOut() throws Exception {
        Party longOne = new Party(null, "Maximiliana-Josephine", null, "Featherstonehaugh-Cholmondeley", null,
                null, "0412 345 678", null, null, "maximiliana.josephine.featherstonehaugh@example.com.au");
        JsonNode body = JSON.readTree(ConnectRequests.createOrder(withRecipient(longOne), settings(Map.of())));

        assertThat(body.get("contactName").asText()).isEqualTo("Maximiliana-Josephine Featherstonehaugh-").hasSize(40);
        assertThat(body.has("contactEmail")).isFalse();
        assertThat(body.get("contactPhone").asText()).isEqualTo("0412 345 678");
    }

    @Test
    void configuredValuesBecomeJsonTypesUnlessQuoted() {
        var node = JSON.createObjectNode();
        ConnectRequests.putTyped(node, "term", "12");
        ConnectRequests.putTyped(node, "isNfas", "true");
        ConnectRequests.putTyped(node, "fnn", "0734567890");
        ConnectRequests.putTyped(node, "quoteName", "\"2024\"");

        assertThat(node.toString()).isEqualTo("{\"term\":12,\"isNfas\":true,\"fnn\":\"0734567890\",\"quoteName\":\"2024\"}");
    }

    @Test
    void cancelSendsTheOrderIdAsANumber() {
        assertThat(ConnectRequests.cancelOrder(910001)).isEqualTo("{\"orderId\":910001}");
    }

    @Test
    void onlyDigitsNameAConnectOrder() {
        assertThat(ConnectRequests.orderNumber("910001")).contains(910001L);
        assertThat(ConnectRequests.orderNumber("ORDER-1")).isEmpty();
        assertThat(ConnectRequests.orderNumber(null)).isEmpty();
    }

    @Test
    void pathsAreFilledAndTheOrderKeyIsEncoded() {
        assertThat(ConnectRequests.findPath(ConnectSettings.DEFAULT_FIND_PATH, "CG 1&x"))
                .isEqualTo("/api/connect/orders?customerReference=CG+1%26x");
        assertThat(ConnectRequests.orderPath(ConnectSettings.DEFAULT_ORDER_PATH, 42)).isEqualTo("/api/connect/orders/42");
    }

    static ConnectSettings settings(Map<String, String> extra) {
        Map<String, String> s = new HashMap<>(Map.of("client-id", "c", "auth-method", "client_secret", "client-secret", "s"));
        s.putAll(extra);
        return ConnectSettings.from("connect", CarrierSettingsBinding.bind(new ConnectAdapterProvider(), "connect", s));
    }

    private static DeliveryOrder withRecipient(Party p) {
        DeliveryOrder o = SampleOrders.seedOrder();
        return new DeliveryOrder(o.orderKey(), o.references(), o.pharmacy(), p, o.customers(), o.prescriptions(),
                o.otcItems(), o.consents(), o.amounts(), o.parcel(), o.handling(), o.pickupDate(),
                o.requestedDeliveryDate(), o.serviceLevel(), o.deliveryNotes(), o.createdAt());
    }
}
