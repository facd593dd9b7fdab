package com.carriergateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard and the metrics table of operations.md against a real scrape of the running gateway after
 * some traffic (an order booked, a carrier's webhook, its callback delivered to BestRx): every metric the dashboard
 * queries and the table names is one the gateway exposes, and every gateway metric exposed is in the table. A metric
 * renamed in the code, or added without its documentation, fails here.
 */
@GatewayTest
class MetricsDocumentationTest extends EndToEndTest {

    static final Path DASHBOARD = Path.of("..", "src", "site", "grafana", "carrier-gateway.json");
    static final Path OPERATIONS = Path.of("..", "src", "site", "markdown", "operations.md");

    /** Demo mode polls no carrier (application-demo.yml); StatusPollerTest counts polls. */
    private static final Set<String> NOT_IN_A_DEMO_SCRAPE = Set.of("gateway_status_polls_total");
    /** PromQL words that are not metric names. */
    private static final Set<String> PROMQL = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "bool", "and", "or", "unless", "offset", "inf", "nan");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    @Test
    void everyMetricOfTheDashboardAndTheTableIsInARealScrape() throws Exception {
        Set<String> scraped = scrapeAfterTraffic();

        Set<String> queried = dashboardMetrics();
        assertThat(queried).as("metrics the dashboard queries").contains("gateway_orders_total",
                "gateway_carrier_calls_seconds_bucket", "resilience4j_circuitbreaker_state", "gateway_outbox_pending",
                "gateway_outbox_oldest_pending_age_seconds", "gateway_callback_send_seconds_count");
        assertThat(scraped).as("the scrape has what the dashboard queries").containsAll(queried);

        Set<String> families = new TreeSet<>();
        scraped.forEach(name -> families.add(family(name)));
        Set<String> documented = tableMetrics();
        Set<String> expected = new TreeSet<>(documented);
        expected.removeAll(NOT_IN_A_DEMO_SCRAPE);
        assertThat(families).as("the scrape has what operations.md documents").containsAll(expected);
        Set<String> undocumented = new TreeSet<>(families);
        undocumented.removeIf(family -> !family.startsWith("gateway_") || documented.contains(family));
        assertThat(undocumented).as("gateway metrics missing from operations.md's table").isEmpty();
    }

    /** Books an order, plays a PB webhook for it, waits for its callback to BestRx, then scrapes. */
    private Set<String> scrapeAfterTraffic() throws Exception {
        GatewayHttp.Answer created = gateway.createOrder(Seeds.createOrder(Seeds.nextUniqueId()));
        assertThat(created.status()).isEqualTo(200);
        String tracking = created.json().at("/data/tracking_id").asText();
        assertThat(StatusTraffic.pbWebhook(gateway, StatusTraffic.batch(
                StatusTraffic.pbEvent(tracking, "PSR", "2026-01-01T10:00:00Z", null))).status()).isEqualTo(200);
        assertThat(gateway.validateAddress(GatewayHttp.seed("validate-address-seed.json")).status()).isEqualTo(200);

        await("the order's callback counted").atMost(Duration.ofSeconds(30))
                .until(() -> scrape().contains("gateway_callback_send_seconds_count"));
        String text = scrape();
        Files.writeString(Path.of("target", "prometheus.txt"), text);
        Set<String> names = new TreeSet<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                Matcher m = NAME.matcher(line);
                if (m.lookingAt()) {
                    names.add(m.group());
                }
            }
        }
        return names;
    }

    private String scrape() {
        GatewayHttp.Answer answer = gateway.send(gateway.request("/actuator/prometheus").GET().build());
        assertThat(answer.status()).isEqualTo(200);
        return answer.body();
    }

    /** The metric names in every PromQL expression of the dashboard's panels. */
    static Set<String> dashboardMetrics() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(DASHBOARD));
        List<String> expressions = new ArrayList<>();
        dashboard.findValues("expr").forEach(e -> expressions.add(e.asText()));
        assertThat(expressions).as("the dashboard's queries").isNotEmpty();
        Set<String> names = new TreeSet<>();
        for (String expr : expressions) {
            String bare = expr.replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^]]*]", " ")
                    .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ").replaceAll("\"[^\"]*\"", " ");
            Matcher m = NAME.matcher(bare);
            while (m.find()) {
                String word = m.group();
                boolean function = bare.substring(m.end()).stripLeading().startsWith("(");
                if (!function && !PROMQL.contains(word.toLowerCase()) && !Character.isDigit(word.charAt(0))) {
                    names.add(word);
                }
            }
        }
        return names;
    }

    /** The metric names in the first column of operations.md's table under "## Metrics". */
    static Set<String> tableMetrics() throws Exception {
        String doc = Files.readString(OPERATIONS);
        int start = doc.indexOf("\n## Metrics");
        assertThat(start).as("operations.md has a Metrics section").isPositive();
        int end = doc.indexOf("\n## ", start + 1);
        Set<String> names = new TreeSet<>();
        for (String line : doc.substring(start, end < 0 ? doc.length() : end).split("\n")) {
            String[] columns = line.split("\\|");
            if (line.startsWith("| `") && columns.length > 1) {
                Matcher name = Pattern.compile("`([a-z_:0-9]+)`").matcher(columns[1]);
                while (name.find()) {
                    names.add(name.group(1));
                }
            }
        }
        assertThat(names).as("metrics in operations.md's table").isNotEmpty();
        return names;
    }

    /** A sample's metric: a timer's {@code _bucket}, {@code _count}, {@code _sum} and {@code _max} series are one. */
    static String family(String name) {
        return name.replaceAll("_(bucket|count|sum|max)$", "");
    }
}
