package com.carriergateway.routes.bestrx;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** BestRx timestamps: ISO-8601 UTC with seven fractional digits (.NET round-trip form), e.g. 2022-09-10T09:47:27.5232761Z. */
public final class BestRxTime {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private BestRxTime() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }
}
