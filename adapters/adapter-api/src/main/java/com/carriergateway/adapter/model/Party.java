package com.carriergateway.adapter.model;

/** A person or organisation that receives a delivery. All fields are health data: never log them. */
public record Party(
        String organization,
        String firstName,
        String middleName,
        String lastName,
        Address address,
        String homePhone,
        String workPhone,
        String mobilePhone,
        String fax,
        String email) {

    /** "First Last", or the organisation when no person is named. */
    public String displayName() {
        String person = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        return person.isEmpty() ? (organization == null ? "" : organization) : person;
    }

    /** The first phone number present, preferring mobile (couriers text it), then home, then work. */
    public String bestPhone() {
        for (String p : new String[] {mobilePhone, homePhone, workPhone}) {
            if (p != null && !p.isBlank()) {
                return p;
            }
        }
        return null;
    }
}
