package com.carriergateway.app;

import static com.carriergateway.app.StatusTraffic.batch;
import static com.carriergateway.app.StatusTraffic.callbacks;
import static com.carriergateway.app.StatusTraffic.pbEvent;
import static com.carriergateway.app.StatusTraffic.pbWebhook;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.carriergateway.app.sandbox.SandboxServers;
import com.carriergateway.core.carrier.CarrierRegistry;
import com.carriergateway.core.carrier.ResilientCarrierAdapter;
import com.carriergateway.core.outbox.OutboxState;
import com.carriergateway.core.outbox.OutboxStore;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The operator console in a real browser (headless Debian Chromium through Selenium): an order booked over the API
 * is found and its timeline read; a callback BestRx keeps refusing becomes a dead letter, is replayed from the
 * console and seen delivered; a carrier whose sandbox is down shows its breaker open; nothing opens without the
 * admin credential and a cross-site POST is refused. One gateway and one browser for all of it; a screenshot of every
 * page goes to {@code target/screenshots/}. No page and no log line of it may hold the sample order's patient data.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "gateway.sandbox.ports.pitney-bowes=0",
                "gateway.sandbox.ports.connect=0",
                "gateway.sandbox.ports.bestrx=0",
                "spring.datasource.url=jdbc:h2:mem:console-test;DB_CLOSE_DELAY=-1",
                // a callback BestRx refuses is dead within seconds instead of a day
                "gateway.outbox.retry-budget=2s",
                "gateway.outbox.backoff-base=200ms",
                "gateway.outbox.backoff-cap=400ms",
                "gateway.outbox.dispatch-interval=200ms",
                // Connect's breaker opens after a few failed calls
                "gateway.resilience.carriers.connect.minimum-number-of-calls=2",
                "gateway.resilience.carriers.connect.sliding-window-size=4",
                "gateway.resilience.carriers.connect.retry-backoff=10ms",
                "gateway.activity.flush-interval=50ms",
                // the first test tries two wrong credentials; the last one locks the checking
                "gateway.admin.max-failed-sign-ins=5",
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    static final String ADMIN = "demo-admin";
    static final String ADMIN_PASSWORD = "demo-admin-secret";

    @LocalServerPort
    int port;
    @Autowired
    SandboxServers sandboxes;
    @Autowired
    OutboxStore outbox;
    @Autowired
    CarrierRegistry carriers;

    GatewayHttp gateway;
    ConsoleBrowser browser;
    LogCapture logs;

    @BeforeAll
    void openTheBrowser() {
        logs = new LogCapture();
        gateway = new GatewayHttp(port);
        browser = new ConsoleBrowser(port);
    }

    @AfterAll
    void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (logs != null) {
            logs.close();
        }
    }

    @Test
    @Order(1)
    void theConsoleNeedsTheAdminCredential() throws Exception {
        browser.open("/console/orders");
        assertThat(browser.url()).endsWith("/console/login");
        browser.snapshot("login");

        browser.signIn(ADMIN, "not-the-password");
        assertThat(browser.text("#login-refused")).contains("not the admin credential");
        browser.signIn("demo-key", "demo-secret"); // a pharmacy's credential is not an operator's
        assertThat(browser.url()).endsWith("/console/login");

        // over plain HTTP: no page without a session, no action without the form token
        ConsoleHttp anonymous = new ConsoleHttp(port);
        HttpResponse<String> page = anonymous.get("/console/orders");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/console/login");
        assertThat(anonymous.get("/console/deliveries").statusCode()).isEqualTo(302);
        assertThat(anonymous.post("/console/login", Map.of("username", ADMIN, "password", ADMIN_PASSWORD))
                .statusCode()).as("a login without the form's token").isEqualTo(403);
        assertThat(anonymous.post("/console/deliveries/pharmacy/" + GatewayHttp.DEMO_PHARMACY + "/replay", Map.of())
                .statusCode()).isEqualTo(403);
    }

    @Test
    @Order(2)
    void anOrderBookedOverTheApiIsFoundAndItsTimelineShown() {
        long uniqueId = Seeds.nextUniqueId();
        GatewayHttp.Answer created = gateway.createOrder(Seeds.createOrder(uniqueId));
        assertThat(created.status()).isEqualTo(200);
        String key = created.json().at("/data/provider_order_id").asText();
        String tracking = created.json().at("/data/tracking_id").asText();
        assertThat(pbWebhook(gateway, batch(pbEvent(tracking, "PSR", "2026-11-20T08:00:00Z", null))).status())
                .isEqualTo(200);
        // the same event again: acknowledged, nothing changes (a duplicate)
        assertThat(pbWebhook(gateway, batch(pbEvent(tracking, "PSR", "2026-11-20T08:00:00Z", null))).status())
                .isEqualTo(200);
        await("the callback delivered").atMost(ConsoleBrowser.WAIT)
                .until(() -> outbox.entries(key).stream().allMatch(e -> e.state() == OutboxState.SENT)
                        && !outbox.entries(key).isEmpty());

        browser.signIn(ADMIN, ADMIN_PASSWORD);
        assertThat(browser.url()).endsWith("/console/orders");
        assertThat(browser.url()).doesNotContain("_csrf");

        // found by BestRx's unique order id, by the tracking id, by the gateway's key
        for (String id : new String[] {String.valueOf(uniqueId), tracking, key}) {
            browser.open("/console/orders");
            browser.find("#id").sendKeys(id);
            browser.find("#search-button").click();
            browser.waitFor("order " + key + " found by " + id, d -> d.findElements(By.cssSelector("a.order-link"))
                    .stream().anyMatch(a -> a.getText().equals(key))
                    && d.findElements(By.cssSelector("a.order-link")).size() == 1);
        }
        browser.snapshot("orders");
        // the filters narrow: PB orders of the demo pharmacy, acknowledged
        browser.open("/console/orders?carrier=pitney-bowes&status=ACKNOWLEDGED&pharmacy=" + GatewayHttp.DEMO_PHARMACY);
        assertThat(browser.text("#orders-table")).contains(key);
        browser.open("/console/orders?carrier=connect&id=" + key);
        assertThat(browser.text("#orders-table")).doesNotContain(key).contains("No order matches.");

        browser.open("/console/orders?id=" + uniqueId);
        browser.find("a.order-link").click();
        browser.reloadUntil("the whole timeline", d -> {
            String timeline = d.findElement(By.id("timeline")).getText();
            return timeline.contains("BestRx CreateOrder received")
                    && timeline.contains("pitney-bowes create order: success")
                    && timeline.contains("Booked with pitney-bowes")
                    && timeline.contains("Webhook from pitney-bowes: accepted")
                    && timeline.contains("Status ACKNOWLEDGED applied")
                    && timeline.contains("Webhook from pitney-bowes: duplicate")
                    && timeline.contains("Status ACKNOWLEDGED ignored")
                    && timeline.contains("UpdateOrderStatus change #1 (ACKNOWLEDGED), attempt 1: delivered");
        });
        assertThat(browser.text("#order-id")).isEqualTo(key);
        assertThat(browser.text("#order-status")).startsWith("ACKNOWLEDGED");
        assertThat(browser.text("#callbacks")).contains("SENT");
        browser.snapshot("order");
    }

    @Test
    @Order(3)
    void aDeadLetterIsReplayedFromTheConsoleAndSeenDelivered() {
        GatewayHttp.Answer created = gateway.createOrder(Seeds.createOrder(Seeds.nextUniqueId()));
        String key = created.json().at("/data/provider_order_id").asText();
        String tracking = created.json().at("/data/tracking_id").asText();
        WireMockServer bestRx = sandboxes.server("bestrx");
        // BestRx is down for this order's callbacks
        StubMapping down = bestRx.stubFor(post(urlPathEqualTo("/Order/UpdateOrderStatus")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.provider_order_id", equalTo(key)))
                .willReturn(aResponse().withStatus(503)));
        try {
            pbWebhook(gateway, batch(pbEvent(tracking, "PSR", "2026-11-20T08:00:00Z", null)));
            await("a dead letter").atMost(ConsoleBrowser.WAIT)
                    .until(() -> outbox.entries(key).stream().anyMatch(e -> e.state() == OutboxState.DEAD));
        } finally {
            bestRx.removeStub(down);
        }

        browser.open("/console/deliveries");
        String demo = "tr[data-pharmacy='" + GatewayHttp.DEMO_PHARMACY + "']";
        assertThat(Integer.parseInt(browser.text(demo + " .dead"))).isGreaterThanOrEqualTo(1);
        assertThat(browser.source()).contains(key).contains("HTTP 503");
        browser.snapshot("deliveries-dead");

        browser.find(demo + " .replay-pharmacy").click();
        assertThat(browser.text("#replayed")).matches("\\d+ dead callback\\(s\\) replayed").doesNotStartWith("0");
        // the live part refreshes itself: the replayed callback goes out
        browser.waitFor("the replayed callback delivered", d -> d.findElements(By.cssSelector(
                        "#attempts tr[data-order='" + key + "'] .outcome")).stream()
                .anyMatch(e -> e.getText().equals("DELIVERED")));
        browser.snapshot("deliveries");
        assertThat(outbox.entries(key)).allMatch(e -> e.state() == OutboxState.SENT);
        assertThat(callbacks(bestRx, key)).isNotEmpty();

        browser.open("/console/orders/" + key);
        String timeline = browser.text("#timeline");
        assertThat(timeline).contains("UpdateOrderStatus dead-lettered", "replayed by an operator",
                "attempt 1: delivered", "server error");
    }

    @Test
    @Order(4)
    void aCarrierPageShowsTheBreakerOpenWhileItsSandboxIsDown() {
        WireMockServer connect = sandboxes.server("connect");
        StubMapping down = connect.stubFor(any(anyUrl()).atPriority(1).willReturn(serviceUnavailable()));
        try {
            browser.open("/console/carriers/connect");
            assertThat(browser.text("#carrier-connect .circuit")).isEqualTo("circuit CLOSED");
            browser.find("#carrier-connect .test-connection").click();
            browser.waitFor("the connection test answered", d -> d.findElement(By.id("test-connect")).getText()
                    .startsWith("FAILED"));
            browser.reloadUntil("connect's breaker open", d -> d.findElement(By.cssSelector("#carrier-connect .circuit"))
                    .getText().equals("circuit OPEN"));
            assertThat(browser.text("#carrier-connect .error-rate")).doesNotStartWith("0 %");
            browser.snapshot("carrier-down");
            // the next test is answered at once without calling the carrier
            browser.find("#carrier-connect .test-connection").click();
            browser.waitFor("refused by the open circuit", d -> d.findElement(By.id("test-connect")).getText()
                    .contains("CIRCUIT_OPEN"));
        } finally {
            connect.removeStub(down);
            ((ResilientCarrierAdapter) carriers.get("connect")).circuitBreaker().reset();
        }
        browser.open("/console/carriers");
        assertThat(browser.text("#carrier-pitney-bowes .circuit")).isEqualTo("circuit CLOSED");
        assertThat(browser.text("#carrier-pitney-bowes .last-success")).isNotEqualTo("none recorded");
        assertThat(browser.text("#carrier-pitney-bowes .token")).startsWith("held, expires");
        browser.find("#carrier-pitney-bowes .test-connection").click();
        browser.waitFor("PB answers the test", d -> d.findElement(By.id("test-pitney-bowes")).getText()
                .startsWith("OK"));
        browser.snapshot("carriers");
    }

    @Test
    @Order(5)
    void webhooksAreListedWithTheirOutcomeAndNoBody() {
        assertThat(gateway.post(StatusTraffic.PB_WEBHOOK, "[]", GatewayHttp.basic("demo-pb-webhook", "wrong"),
                Map.of()).status()).isEqualTo(401);
        browser.reloadUntil("the refused webhook listed", d -> {
            d.navigate().to("http://localhost:" + port + "/console/webhooks?carrier=pitney-bowes");
            return d.findElement(By.id("webhooks")).getText().contains("REFUSED");
        });
        String list = browser.text("#webhooks");
        assertThat(list).contains("ACCEPTED", "DUPLICATE", "REFUSED", "unauthorized");
        assertThat(browser.source()).doesNotContain("trackingNumber").doesNotContain("eventCode");
        browser.snapshot("webhooks");
    }

    @Test
    @Order(6)
    void aCrossSitePostIsRefused() throws Exception {
        // a page on another origin (same host, another port) that posts to the console as soon as it loads: the
        // browser sends the console's session cookie along (same site), but the page cannot know the form token
        WireMockServer attacker = new WireMockServer(WireMockConfiguration.options().dynamicPort()
                .bindAddress("127.0.0.1"));
        attacker.start();
        try {
            attacker.stubFor(get(urlPathEqualTo("/prize")).willReturn(aResponse()
                    .withHeader("Content-Type", "text/html")
                    .withBody("<!DOCTYPE html><html><body><form method='post' action='http://localhost:" + port
                            + "/console/deliveries/pharmacy/" + GatewayHttp.DEMO_PHARMACY + "/replay'>"
                            + "<input type='hidden' name='_csrf' value='guessed'></form>"
                            + "<script>document.forms[0].submit()</script></body></html>")));
            browser.open("http://localhost:" + attacker.port() + "/prize");
            browser.waitFor("the forged POST answered", d -> d.getPageSource().contains("403: refused"));
            browser.snapshot("cross-site-refused");
        } finally {
            attacker.stop();
        }
        // still signed in: the refusal changed nothing
        browser.open("/console/orders");
        assertThat(browser.url()).endsWith("/console/orders");

        // without the browser's Sec-Fetch-Site, the form token alone decides
        ConsoleHttp operator = new ConsoleHttp(port);
        String token = operator.signIn(ADMIN, ADMIN_PASSWORD);
        String replayAll = "/console/deliveries/pharmacy/" + GatewayHttp.DEMO_PHARMACY + "/replay";
        assertThat(operator.post(replayAll, Map.of()).statusCode()).as("no token").isEqualTo(403);
        assertThat(operator.post(replayAll, Map.of("_csrf", "guessed")).statusCode()).as("wrong token").isEqualTo(403);
        assertThat(operator.post(replayAll, Map.of("_csrf", token)).statusCode()).as("the session's token")
                .isEqualTo(302);
        assertThat(operator.postWithHeaders(replayAll, Map.of("X-CSRF-Token", token, "Sec-Fetch-Site", "same-site"))
                .statusCode()).as("from another origin of the same site").isEqualTo(403);
    }

    @Test
    @Order(7)
    void aCancellationRefusedByConnectsTwentySixHourRuleShowsTheAppointmentOnTheTimeline() {
        long uniqueId = Seeds.nextUniqueId();
        GatewayHttp.Answer created = gateway.createOrder(Seeds.connectOrder(uniqueId));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String key = created.json().at("/data/provider_order_id").asText();
        String connectOrderId = created.json().at("/data/tracking_id").asText();
        String start = Instant.now().plus(Duration.ofHours(25).plusMinutes(59)).truncatedTo(ChronoUnit.SECONDS)
                .toString();
        WireMockServer connect = sandboxes.server("connect");
        ConnectRoutingEndToEndTest.appointmentAt(connect, connectOrderId, start, true);
        try {
            GatewayHttp.Answer refused = gateway.cancelOrder(Seeds.cancelOrder(uniqueId));
            assertThat(refused.json().at("/data/status").asBoolean()).as(refused.body()).isFalse();
        } finally {
            sandboxes.reset("connect");
        }

        browser.open("/console/orders/" + key);
        browser.reloadUntil("the cancellation decision", d -> d.findElement(By.id("timeline")).getText()
                .contains("connect cancel order"));
        String timeline = browser.text("#timeline");
        assertThat(timeline).contains("BestRx CancelOrder received", "Cancel refused by connect",
                start.substring(0, 16), "within 26h");
        browser.snapshot("order-cancel-refused");
    }

    @Test
    @Order(8)
    void aBookingWhoseOutcomeIsUnknownIsReconciledFromItsPageAndBestRxsRepeatAnsweredWithTheCarriersIds() {
        long uniqueId = Seeds.nextUniqueId();
        String key = Seeds.providerOrderId(uniqueId);
        WireMockServer pb = sandboxes.server("pitney-bowes");
        // PB's first create for this order is cut off, and PB will not say whether it booked it
        StubMapping cutOff = pb.stubFor(post(urlPathEqualTo(CarrierFaultsEndToEndTest.ORDERS)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.clientOrderId", equalTo(key)))
                .willReturn(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
        StubMapping noAnswer = pb.stubFor(post(urlPathEqualTo(CarrierFaultsEndToEndTest.SEARCH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.searchFields[0].values[0]", equalTo(key)))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"errors\":[{\"errorCode\":\"PB-SEARCH\",\"errorDescription\":\"search failed\"}]}")));
        try {
            assertThat(gateway.createOrder(Seeds.createOrder(uniqueId)).status()).isGreaterThanOrEqualTo(500);
        } finally {
            pb.removeStub(cutOff);
            pb.removeStub(noAnswer);
        }

        browser.open("/console/orders/" + key);
        assertThat(browser.text("#reconcile")).contains("Booking outcome unknown", "pitney-bowes");
        browser.find("#carrier-order-id").sendKeys("ORDFROMTHEPORTAL");
        browser.snapshot("order-reconcile");
        browser.find("#reconcile-booked").click();

        assertThat(browser.text("#reconciled")).contains("Booked with the carrier's ids");
        assertThat(browser.text("#order-state")).isEqualTo("BOOKED");
        assertThat(browser.source()).doesNotContain("id=\"reconcile\"");
        assertThat(browser.text("#timeline")).contains("Booking outcome unknown: check with pitney-bowes",
                "Reconciled by an operator", "holds it as ORDFROMTHEPORTAL");
        GatewayHttp.Answer repeat = gateway.createOrder(Seeds.createOrder(uniqueId));
        assertThat(repeat.status()).as(repeat.body()).isEqualTo(200);
        assertThat(repeat.json().at("/data/tracking_id").asText()).isEqualTo("ORDFROMTHEPORTAL");
        assertThat(pb.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl()
                .equals(CarrierFaultsEndToEndTest.ORDERS)).filter(e -> e.getRequest().getBodyAsString()
                .contains("\"" + key + "\""))).as("PB's creates for the order: the cut-off one only").hasSize(1);
    }

    @Test
    @Order(98)
    void afterTooManyWrongCredentialsNoneIsCheckedForAWhileNotEvenTheRightOne() throws Exception {
        int attempts = 0;
        while (attempts < 5 && !browser.source().contains("login-locked")) {
            browser.signIn(ADMIN, "guess-" + attempts);
            attempts++;
        }
        assertThat(browser.text("#login-locked")).as("locked within the budget of 5 (2 spent by the first test)")
                .containsPattern("none is checked for \\d+ s");
        browser.snapshot("login-locked");

        browser.signIn(ADMIN, ADMIN_PASSWORD);
        assertThat(browser.url()).endsWith("/console/login");
        assertThat(browser.text("#login-locked")).contains("none is checked");
        GatewayHttp.Answer api = gateway.send(gateway.request("/admin/outbox/dead-letters")
                .header("Authorization", GatewayHttp.basic(ADMIN, ADMIN_PASSWORD)).GET().build());
        assertThat(api.status()).as("the admin API shares the budget").isEqualTo(429);
        assertThat(api.json().get("error").asText()).isEqualTo("too_many_failed_sign_ins");
        assertThat(Long.parseLong(api.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(logs.everything()).containsOnlyOnce("too many wrong attempts lately");
    }

    @Test
    @Order(99)
    void noPageAndNoLogLineHoldsPatientData() throws Exception {
        assertThat(browser.pages().keySet()).contains("login", "orders", "order", "deliveries", "carriers",
                "carrier-down", "webhooks", "cross-site-refused", "order-cancel-refused", "login-locked", "order-reconcile");
        for (Map.Entry<String, String> page : browser.pages().entrySet()) {
            for (String phi : LoggingEndToEndTest.SAMPLE_PHI) {
                assertThat(page.getValue()).as(page.getKey() + " shows " + phi).doesNotContainIgnoringCase(phi);
            }
            assertThat(Files.size(ConsoleBrowser.SCREENSHOTS.resolve(page.getKey() + ".png"))).isPositive();
        }
        String all = logs.everything();
        for (String phi : LoggingEndToEndTest.SAMPLE_PHI) {
            assertThat(all).as("logs mention " + phi).doesNotContainIgnoringCase(phi);
        }
        assertThat(all).doesNotContain(ADMIN_PASSWORD);
    }

    /** The console over plain HTTP with a cookie jar and no redirects followed: what the server itself answers. */
    static final class ConsoleHttp {
        private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
        private final HttpClient client;
        private final String base;

        ConsoleHttp(int port) {
            this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
            this.base = "http://localhost:" + port;
        }

        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
            StringBuilder body = new StringBuilder();
            form.forEach((k, v) -> body.append(body.length() > 0 ? "&" : "").append(k).append('=')
                    .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
            return client.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> postWithHeaders(String path, Map<String, String> headers) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                    .POST(HttpRequest.BodyPublishers.noBody());
            headers.forEach(b::header);
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Signs in through the form; returns the signed-in session's form token. */
        String signIn(String user, String password) throws Exception {
            String loginToken = token(get("/console/login").body());
            HttpResponse<String> login = post("/console/login", Map.of("username", user, "password", password,
                    "_csrf", loginToken));
            assertThat(login.statusCode()).isEqualTo(302);
            return token(get("/console/orders").body());
        }

        private static String token(String html) {
            Matcher m = TOKEN.matcher(html);
            assertThat(m.find()).as("a form token in the page").isTrue();
            return m.group(1);
        }
    }
}
