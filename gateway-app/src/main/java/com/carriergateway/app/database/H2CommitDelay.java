package com.carriergateway.app.database;

import java.util.Locale;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes an H2 file database write each commit into its file before the commit returns ({@code WRITE_DELAY=0}),
 * whoever gave the URL: the default, {@code GATEWAY_DB_URL} or {@code --spring.datasource.url}.
 *
 * <p>Why: H2's default write delay is 500 ms. A commit then returns while its change is still only in the process's
 * memory, so the gateway would answer "200, booked" or "200, applied" for a change a {@code kill -9} erases (84 of
 * 200 acknowledged status changes were lost that way, issue 13). An in-memory database is left alone (it survives
 * nothing anyway); a URL that sets another {@code WRITE_DELAY} is left as it is and refused at startup by
 * {@link DurableCommitCheck}, which names the setting.
 */
public class H2CommitDelay implements EnvironmentPostProcessor, Ordered {

    static final String URL = "spring.datasource.url";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        String url = env.getProperty(URL);
        String durable = withoutWriteDelay(url);
        if (durable != null && !durable.equals(url)) {
            env.getPropertySources().addFirst(new MapPropertySource("gateway-h2-write-delay", Map.of(URL, durable)));
        }
    }

    /**
     * The URL with {@code ;WRITE_DELAY=0} added when it is an H2 database kept in a file and says nothing about the
     * write delay; any other URL unchanged (null for null).
     */
    static String withoutWriteDelay(String url) {
        if (url == null || !isH2File(url) || url.toUpperCase(Locale.ROOT).contains(";WRITE_DELAY=")) {
            return url;
        }
        return url + ";WRITE_DELAY=0";
    }

    /** An H2 URL whose database lives in a file (embedded or served), not in memory. */
    static boolean isH2File(String url) {
        String u = url.trim().toLowerCase(Locale.ROOT);
        return u.startsWith("jdbc:h2:") && !u.startsWith("jdbc:h2:mem:") && !u.contains(":mem:");
    }

    @Override
    public int getOrder() {
        // after the configuration files and the command line are read
        return Ordered.LOWEST_PRECEDENCE;
    }
}
