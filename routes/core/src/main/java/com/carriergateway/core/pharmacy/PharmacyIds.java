package com.carriergateway.core.pharmacy;

import java.util.Locale;
import java.util.regex.Pattern;

/** A pharmacy's id: BestRx's GUID, compared in one (lower-case) form. */
public final class PharmacyIds {

    private static final Pattern GUID =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private PharmacyIds() {
    }

    public static boolean isWellFormed(String id) {
        return id != null && GUID.matcher(id).matches();
    }

    public static String normalise(String id) {
        return id.strip().toLowerCase(Locale.ROOT);
    }
}
