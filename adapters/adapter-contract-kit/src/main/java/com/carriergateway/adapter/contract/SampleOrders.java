package com.carriergateway.adapter.contract;

import com.carriergateway.adapter.model.Address;
import com.carriergateway.adapter.model.Amounts;
import com.carriergateway.adapter.model.Consent;
import com.carriergateway.adapter.model.Customer;
import com.carriergateway.adapter.model.DeliveryOrder;
import com.carriergateway.adapter.model.Handling;
import com.carriergateway.adapter.model.Measure;
import com.carriergateway.adapter.model.OtcItem;
import com.carriergateway.adapter.model.Parcel;
import com.carriergateway.adapter.model.Party;
import com.carriergateway.adapter.model.Pharmacy;
import com.carriergateway.adapter.model.PrescriptionItem;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Canonical inputs every adapter is tested with: BestRx's published CreateOrder example, in canonical form. */
public final class SampleOrders {

    /** The order key the seed order carries; stubs recognise it. */
    public static final String SEED_ORDER_KEY = "CG-SEED1001";

    private SampleOrders() {
    }

    public static Pharmacy seedPharmacy() {
        return new Pharmacy("ef0a4740-0be9-44f7-b89d-9e66eeba0b9a", "98989898", "BestRx Pharmacy",
                Address.us("2625 Butterfield Rd", "Suite 200S", "Oak Brook", "IL", "60523"),
                "6308939210", "6303393171", "pharmacy@bestrx.com", "1234567", "1234567890", "BR1234563");
    }

    public static Address seedRecipientAddress() {
        return Address.us("500 Second Ave", "Suite 100", "Bloomingdale", "IL", "60108");
    }

    /** The seed CreateOrder, keyed {@link #SEED_ORDER_KEY}. */
    public static DeliveryOrder seedOrder() {
        return seedOrder(SEED_ORDER_KEY);
    }

    public static DeliveryOrder seedOrder(String orderKey) {
        Party recipient = new Party("Doe Industries", "Jane", "Joplin", "Doe", seedRecipientAddress(),
                "6305551111", "6305551111", "45678946785", "6305552222", "jane.doe@doeind.com");
        return new DeliveryOrder(
                orderKey,
                Map.of("bestrx_order_id", "123456789", "bestrx_unique_order_id", "1001"),
                seedPharmacy(),
                recipient,
                List.of(new Customer("111111", "Jane", "Joplin", "Doe",
                        Address.us("123 Main St", "Suite 10", "Lombard", "IL", "60523"))),
                List.of(new PrescriptionItem("111111", "610011", LocalDate.parse("2022-05-31"),
                        new BigDecimal("10"), 1)),
                List.of(new OtcItem("111111", "616784366630", "BANDAGE ELASTIC 6IN N LTX 3666", BigDecimal.ONE,
                        new BigDecimal("25.26"))),
                List.of(new Consent("Enroll in Auto-Refills?",
                        "The prescriptions in your order are eligible for our auto-refill program.",
                        List.of("no"), "0")),
                new Amounts(new BigDecimal("32.15"), new BigDecimal("65.24"), new BigDecimal("54.23"),
                        new BigDecimal("97.83"), new BigDecimal("97.83"), new BigDecimal("50")),
                new Parcel(measure("2", "in"), measure("2", "in"), measure("3", "in"), measure("8", "oz")),
                new Handling(false, true, false),
                LocalDate.parse("2020-05-31"),
                LocalDate.parse("2020-06-02"),
                "normal",
                "Please leave on back porch if no one is home.",
                Instant.parse("2026-01-15T10:00:00Z"));
    }

    /** The ValidateAddress seed's address. */
    public static Address seedAddressToValidate() {
        return Address.us("908 ATLANTIC AVE APT A APT A", "", "HOFFMAN ESTATES", "IL", "60169");
    }

    private static Measure measure(String v, String unit) {
        return new Measure(new BigDecimal(v), unit);
    }
}
