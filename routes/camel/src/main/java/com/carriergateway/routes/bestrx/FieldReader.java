package com.carriergateway.routes.bestrx;

import com.carriergateway.adapter.model.Measure;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads BestRx fields the way BestRx really sends them: booleans and numbers may arrive as strings, a list
 * may arrive as a single object, null means absent. Every problem is recorded against the field's full
 * path ({@code store.bestrx_pharmacy_id}, {@code prescriptions[0].amount_due}).
 */
public final class FieldReader {

    /** Ordinary text fields; longer values are refused rather than truncated. */
    public static final int MAX_TEXT = 1000;

    private static final Pattern MEASURE = Pattern.compile("^\\s*(\\d+(?:\\.\\d+)?)\\s*([A-Za-z\"']*)\\.?\\s*$");
    private static final Pattern INTEGER = Pattern.compile("^\\s*\\d{1,18}\\s*$");

    private final InputProblems problems;

    public FieldReader(InputProblems problems) {
        this.problems = problems;
    }

    public InputProblems problems() {
        return problems;
    }

    static String path(String parent, String name) {
        return parent == null || parent.isEmpty() ? name : parent + "." + name;
    }

    private static JsonNode value(JsonNode parent, String name) {
        if (parent == null || !parent.isObject()) {
            return null;
        }
        JsonNode v = parent.get(name);
        return v == null || v.isNull() ? null : v;
    }

    /** The field's value, or null (recording "is required" when it must be there) when absent, null or blank. */
    private JsonNode present(JsonNode parent, String name, String field, boolean required) {
        JsonNode v = value(parent, name);
        if (v == null || (v.isTextual() && v.asText().isBlank())) {
            if (required) {
                problems.error(field, "is required");
            }
            return null;
        }
        return v;
    }

    /** Text, or null when absent or blank. Numbers and booleans are taken as their text. */
    public String text(JsonNode parent, String parentPath, String name, boolean required, int maxLength) {
        String field = path(parentPath, name);
        JsonNode v = present(parent, name, field, required);
        if (v == null) {
            return null;
        }
        if (v.isContainerNode()) {
            problems.error(field, "must be text, not " + BestRxJson.kind(v));
            return null;
        }
        String s = v.isNumber() ? v.numberValue() instanceof BigDecimal bd ? bd.toPlainString() : v.asText() : v.asText();
        s = s.strip();
        if (s.length() > maxLength) {
            problems.error(field, "is longer than " + maxLength + " characters");
            return null;
        }
        return s;
    }

    public String text(JsonNode parent, String parentPath, String name, boolean required) {
        return text(parent, parentPath, name, required, MAX_TEXT);
    }

    /** A positive whole number sent as a number or as digits in a string. */
    public Long id(JsonNode parent, String parentPath, String name, boolean required) {
        String field = path(parentPath, name);
        JsonNode v = present(parent, name, field, required);
        if (v == null) {
            return null;
        }
        Long n = null;
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            n = v.asLong();
        } else if (v.isNumber() && v.decimalValue().stripTrailingZeros().scale() <= 0 && v.canConvertToLong()) {
            n = v.decimalValue().longValueExact();
        } else if (v.isTextual() && INTEGER.matcher(v.asText()).matches()) {
            n = Long.parseLong(v.asText().strip());
        }
        if (n == null || n <= 0) {
            problems.error(field, "must be a positive whole number");
            return null;
        }
        return n;
    }

    /** An amount of money: a number or a numeric string, not negative, at most two decimals' worth of sense. */
    public BigDecimal amount(JsonNode parent, String parentPath, String name, boolean required) {
        String field = path(parentPath, name);
        JsonNode v = present(parent, name, field, required);
        if (v == null) {
            return null;
        }
        BigDecimal d = decimal(v);
        if (d == null) {
            problems.error(field, "must be a number");
            return null;
        }
        if (d.signum() < 0) {
            problems.error(field, "must not be negative");
            return null;
        }
        if (d.compareTo(new BigDecimal("100000000")) >= 0) {
            problems.error(field, "is implausibly large");
            return null;
        }
        return d;
    }

    /** A quantity: like an amount, but whole numbers are the norm. */
    public BigDecimal quantity(JsonNode parent, String parentPath, String name) {
        return amount(parent, parentPath, name, false);
    }

    private static BigDecimal decimal(JsonNode v) {
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isTextual()) {
            String s = v.asText().strip().replace("$", "");
            try {
                return new BigDecimal(s);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * A yes/no flag: JSON booleans, "true"/"false" in any case, 1/0. Absent → {@code fallback}, with a
     * warning when the field is one BestRx documents as required.
     */
    public boolean flag(JsonNode parent, String parentPath, String name, boolean fallback, boolean warnIfAbsent) {
        String field = path(parentPath, name);
        JsonNode v = value(parent, name);
        if (v == null || (v.isTextual() && v.asText().isBlank())) {
            if (warnIfAbsent) {
                problems.warning(com.carriergateway.core.answer.MessageCode.FIELD_DEFAULTED, field,
                        "was not sent; treated as " + fallback);
            }
            return fallback;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        String s = v.asText().strip().toLowerCase(Locale.ROOT);
        switch (s) {
            case "true", "1", "yes", "y" -> {
                return true;
            }
            case "false", "0", "no", "n" -> {
                return false;
            }
            default -> {
                problems.error(field, "must be true or false");
                return fallback;
            }
        }
    }

    /** An ISO date ({@code YYYY-MM-DD}); an ISO date-time is accepted and its date kept. */
    public LocalDate date(JsonNode parent, String parentPath, String name) {
        String field = path(parentPath, name);
        JsonNode v = value(parent, name);
        if (v == null || (v.isTextual() && v.asText().isBlank())) {
            return null;
        }
        if (!v.isTextual()) {
            problems.error(field, "must be a date written YYYY-MM-DD");
            return null;
        }
        String s = v.asText().strip();
        String datePart = s.length() > 10 && (s.charAt(10) == 'T' || s.charAt(10) == ' ') ? s.substring(0, 10) : s;
        try {
            return LocalDate.parse(datePart);
        } catch (DateTimeParseException e) {
            problems.error(field, "must be a date written YYYY-MM-DD");
            return null;
        }
    }

    /**
     * A dimension or weight as text with a unit ("2 in", "8 oz") or a bare number, which takes
     * {@code defaultUnit} (assumed, unconfirmed: inches and ounces).
     */
    public Measure measure(JsonNode parent, String parentPath, String name, String defaultUnit) {
        String field = path(parentPath, name);
        JsonNode v = value(parent, name);
        if (v == null || (v.isTextual() && v.asText().isBlank())) {
            return null;
        }
        if (v.isNumber()) {
            if (v.decimalValue().signum() < 0) {
                problems.error(field, "must not be negative");
                return null;
            }
            return new Measure(v.decimalValue(), defaultUnit);
        }
        if (!v.isTextual()) {
            problems.error(field, "must be a number with a unit, e.g. \"2 in\"");
            return null;
        }
        Matcher m = MEASURE.matcher(v.asText());
        if (!m.matches()) {
            problems.error(field, "must be a number with a unit, e.g. \"2 in\" or \"8 oz\"");
            return null;
        }
        String unit = m.group(2).isEmpty() ? defaultUnit : m.group(2).toLowerCase(Locale.ROOT);
        return new Measure(new BigDecimal(m.group(1)), unit);
    }

    /** A nested object; a present value of another kind is an error. */
    public JsonNode object(JsonNode parent, String parentPath, String name, boolean required) {
        String field = path(parentPath, name);
        JsonNode v = value(parent, name);
        if (v == null) {
            if (required) {
                problems.error(field, "is required");
            }
            return null;
        }
        if (!v.isObject()) {
            problems.error(field, "must be an object, not " + BestRxJson.kind(v));
            return null;
        }
        return v;
    }

    /** A list of objects; a single object is read as a list of one. */
    public List<JsonNode> objects(JsonNode parent, String parentPath, String name) {
        String field = path(parentPath, name);
        JsonNode v = value(parent, name);
        List<JsonNode> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (v.isObject()) {
            out.add(v);
            return out;
        }
        if (!v.isArray()) {
            problems.error(field, "must be a list, not " + BestRxJson.kind(v));
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            if (item == null || item.isNull()) {
                continue;
            }
            if (!item.isObject()) {
                problems.error(field + "[" + i + "]", "must be an object, not " + BestRxJson.kind(item));
                continue;
            }
            out.add(item);
        }
        return out;
    }

    /** A list of strings; a single string is read as a list of one. */
    public List<String> strings(JsonNode parent, String parentPath, String name) {
        String field = path(parentPath, name);
        JsonNode v = value(parent, name);
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (v.isValueNode()) {
            out.add(v.asText());
            return out;
        }
        if (!v.isArray()) {
            problems.error(field, "must be a list of text");
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            if (item != null && item.isValueNode() && !item.isNull()) {
                if (item.asText().length() > MAX_TEXT) {
                    problems.error(field + "[" + i + "]", "is longer than " + MAX_TEXT + " characters");
                } else {
                    out.add(item.asText());
                }
            } else if (item != null && !item.isNull()) {
                problems.error(field + "[" + i + "]", "must be text");
            }
        }
        return out;
    }
}
