package com.carriergateway.adapter.model;

/** Who signed for a delivery and which ID was checked. Health data. */
public record Signer(
        SignerRelation relation, String firstName, String lastName, String jurisdiction, IdType idType, String idNumber) {

    public enum SignerRelation { PATIENT, PARENT_OR_GUARDIAN, SPOUSE, CAREGIVER, OTHER }

    public enum IdType {
        MILITARY_ID,
        STATE_ID,
        UNIQUE_SYSTEM_ID,
        PERMANENT_RESIDENT_CARD,
        PASSPORT,
        DRIVERS_LICENSE,
        SOCIAL_SECURITY_NUMBER,
        TRIBAL_ID,
        OTHER
    }
}
