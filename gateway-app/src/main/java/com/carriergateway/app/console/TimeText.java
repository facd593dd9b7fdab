package com.carriergateway.app.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * How the console writes a time: UTC to the millisecond ({@code 2026-11-20 08:00:00.250 UTC}), the zone the logs and
 * BestRx's dates use, so an operator can match a line of the page with a line of the log. Templates call it as
 * {@code ${@timeText.of(t)}}.
 */
@Component
public class TimeText {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'")
            .withZone(ZoneOffset.UTC);

    public String of(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant);
    }
}
