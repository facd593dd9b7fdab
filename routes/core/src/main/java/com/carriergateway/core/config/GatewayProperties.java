package com.carriergateway.core.config;

import com.carriergateway.adapter.DeliveryCapability;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gateway's own configuration ({@code gateway.*}): pharmacies with their credentials and routing rules,
 * carrier instances (each a free-form map handed to its adapter), and order-handling thresholds.
 * Secrets come from the environment or a secrets file, never from committed configuration.
 */
public class GatewayProperties {

    /** Pharmacies by BestRx pharmacy id (GUID). */
    private Map<String, Pharmacy> pharmacies = new LinkedHashMap<>();

    /** Carrier instances by id; {@code type} picks the adapter (defaults to the id), the rest is the adapter's. */
    private Map<String, Map<String, String>> carriers = new LinkedHashMap<>();

    private Orders orders = new Orders();

    private RateLimit rateLimit = new RateLimit();

    /** Requests a pharmacy may make per second before it is answered 429; per pharmacy it may be overridden. */
    public static class RateLimit {
        private int requestsPerSecond = 50;

        public int getRequestsPerSecond() { return requestsPerSecond; }
        public void setRequestsPerSecond(int v) { this.requestsPerSecond = v; }
    }

    public static class Pharmacy {
        private String name;
        /** The key half of the pharmacy's HTTP Basic credential. */
        private String apiKey;
        /** The secret half, in clear (from the environment), or ... */
        private String apiSecret;
        /** ... its SHA-256 in hex, so configuration need not hold the secret itself. */
        private String apiSecretSha256;
        /** Carrier for orders no rule matches. */
        private String defaultCarrier;
        /** Ordered: the first matching rule chooses the carrier. */
        private List<Rule> rules = new ArrayList<>();
        /** Carrier to use for ValidateAddress; defaults to the default carrier if it can, else any that can. */
        private String addressCarrier;
        /** Opt-in: when the chosen carrier's circuit is open, book with this one instead. */
        private String failoverCarrier;
        private Callback callback = new Callback();
        /** Overrides gateway.rate-limit.requests-per-second for this pharmacy. */
        private Integer requestsPerSecond;

        public Integer getRequestsPerSecond() { return requestsPerSecond; }
        public void setRequestsPerSecond(Integer v) { this.requestsPerSecond = v; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getApiKey() { return apiKey; }
        public void setApiKey(String apiKey) { this.apiKey = apiKey; }
        public String getApiSecret() { return apiSecret; }
        public void setApiSecret(String apiSecret) { this.apiSecret = apiSecret; }
        public String getApiSecretSha256() { return apiSecretSha256; }
        public void setApiSecretSha256(String v) { this.apiSecretSha256 = v; }
        public String getDefaultCarrier() { return defaultCarrier; }
        public void setDefaultCarrier(String defaultCarrier) { this.defaultCarrier = defaultCarrier; }
        public List<Rule> getRules() { return rules; }
        public void setRules(List<Rule> rules) { this.rules = rules; }
        public String getAddressCarrier() { return addressCarrier; }
        public void setAddressCarrier(String addressCarrier) { this.addressCarrier = addressCarrier; }
        public String getFailoverCarrier() { return failoverCarrier; }
        public void setFailoverCarrier(String failoverCarrier) { this.failoverCarrier = failoverCarrier; }
        public Callback getCallback() { return callback; }
        public void setCallback(Callback callback) { this.callback = callback; }
    }

    /** A routing rule: every condition given must hold; conditions left out match anything. */
    public static class Rule {
        private String carrier;
        /** Service levels (case-insensitive), e.g. [same_day]. */
        private List<String> serviceLevels = new ArrayList<>();
        private Boolean refrigerated;
        /** Recipient states, e.g. [IL, WI]. */
        private List<String> states = new ArrayList<>();
        /** Recipient ZIP prefixes, e.g. ["601", "606"]. */
        private List<String> zipPrefixes = new ArrayList<>();
        /** Requested delivery date at most this many days after today (0 = today). */
        private Integer deliveryWithinDays;
        /** Orders that ask for all of these at the door, e.g. [ID_CHECK] (photo_id_required); the carrier must declare them. */
        private List<DeliveryCapability> requires = new ArrayList<>();

        public String getCarrier() { return carrier; }
        public void setCarrier(String carrier) { this.carrier = carrier; }
        public List<String> getServiceLevels() { return serviceLevels; }
        public void setServiceLevels(List<String> v) { this.serviceLevels = v; }
        public Boolean getRefrigerated() { return refrigerated; }
        public void setRefrigerated(Boolean refrigerated) { this.refrigerated = refrigerated; }
        public List<String> getStates() { return states; }
        public void setStates(List<String> states) { this.states = states; }
        public List<String> getZipPrefixes() { return zipPrefixes; }
        public void setZipPrefixes(List<String> zipPrefixes) { this.zipPrefixes = zipPrefixes; }
        public Integer getDeliveryWithinDays() { return deliveryWithinDays; }
        public void setDeliveryWithinDays(Integer v) { this.deliveryWithinDays = v; }
        public List<DeliveryCapability> getRequires() { return requires; }
        public void setRequires(List<DeliveryCapability> requires) { this.requires = requires; }
    }

    /** Where and how status changes are pushed to BestRx for this pharmacy. */
    public static class Callback {
        private String url;
        private String username;
        private String password;
        private Duration timeout = Duration.ofSeconds(30);

        public String getUrl() { return url; }
        public void setUrl(String url) { this.url = url; }
        public String getUsername() { return username; }
        public void setUsername(String username) { this.username = username; }
        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }
        public Duration getTimeout() { return timeout; }
        public void setTimeout(Duration timeout) { this.timeout = timeout; }
    }

    public static class Orders {
        /** How long a CreateOrder may hold an order's booking before another request may take over. */
        private Duration bookingLease = Duration.ofSeconds(60);
        /** How long a repeat waits for a concurrent first request to finish before answering 409. */
        private Duration concurrentRepeatWait = Duration.ofSeconds(30);

        public Duration getBookingLease() { return bookingLease; }
        public void setBookingLease(Duration bookingLease) { this.bookingLease = bookingLease; }
        public Duration getConcurrentRepeatWait() { return concurrentRepeatWait; }
        public void setConcurrentRepeatWait(Duration v) { this.concurrentRepeatWait = v; }
    }

    public Map<String, Pharmacy> getPharmacies() { return pharmacies; }
    public void setPharmacies(Map<String, Pharmacy> pharmacies) { this.pharmacies = pharmacies; }
    public Map<String, Map<String, String>> getCarriers() { return carriers; }
    public void setCarriers(Map<String, Map<String, String>> carriers) { this.carriers = carriers; }
    public Orders getOrders() { return orders; }
    public RateLimit getRateLimit() { return rateLimit; }
    public void setRateLimit(RateLimit rateLimit) { this.rateLimit = rateLimit; }
    public void setOrders(Orders orders) { this.orders = orders; }
}
