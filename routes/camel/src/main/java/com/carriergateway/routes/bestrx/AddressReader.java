package com.carriergateway.routes.bestrx;

import com.carriergateway.adapter.model.Address;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads a BestRx {@code address} object. US only, as BestRx is. */
final class AddressReader {

    private static final Pattern SHORT_NUMBER = Pattern.compile("\\d{1,4}");
    private static final Pattern NINE_DIGITS = Pattern.compile("\\d{9}");
    private static final Pattern ZIP = Pattern.compile("^\\d{5}(-\\d{4})?$");
    private static final Pattern STATE = Pattern.compile("^[A-Z]{2}$");

    private AddressReader() {
    }

    /**
     * @param deliverable when true, line 1, city, state and ZIP are required (a courier must find it);
     *     otherwise whatever is present is read and only its format is checked
     */
    static Address read(FieldReader f, JsonNode node, String path, boolean deliverable) {
        if (node == null) {
            return null;
        }
        String line1 = f.text(node, path, "address_line_1", deliverable, 200);
        String line2 = f.text(node, path, "address_line_2", false, 200);
        String city = f.text(node, path, "city", deliverable, 100);
        String state = f.text(node, path, "state", deliverable, 50);
        String zip = zip(f, node, path, deliverable);
        if (state != null) {
            state = state.toUpperCase(Locale.ROOT);
            if (!STATE.matcher(state).matches()) {
                f.problems().error(FieldReader.path(path, "state"), "must be a two-letter state code such as IL");
                state = null;
            }
        }
        return Address.us(line1, line2 == null ? "" : line2, city, state, zip);
    }

    private static String zip(FieldReader f, JsonNode node, String path, boolean required) {
        JsonNode raw = node.get("zip_code");
        String zip = f.text(node, path, "zip_code", required, 20);
        if (zip == null) {
            return null;
        }
        if (raw != null && raw.isNumber() && SHORT_NUMBER.matcher(zip).matches()) {
            zip = "0".repeat(5 - zip.length()) + zip; // a number lost its leading zeros
        }
        if (NINE_DIGITS.matcher(zip).matches()) {
            zip = zip.substring(0, 5) + "-" + zip.substring(5);
        }
        if (!ZIP.matcher(zip).matches()) {
            f.problems().error(FieldReader.path(path, "zip_code"), "must be a US ZIP code (12345 or 12345-6789)");
            return null;
        }
        return zip;
    }
}
