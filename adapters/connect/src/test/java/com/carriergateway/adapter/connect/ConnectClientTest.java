package com.carriergateway.adapter.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.adapter.CarrierError.Category;
import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.auth.AccessTokenCache;
import com.carriergateway.adapter.http.CarrierHttp;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectClientTest {

    @Test
    void aLocationOnAnotherHostIsNotFollowedSoTheTokenStaysHome() {
        ConnectSettings settings = ConnectRequestsTest.settings(Map.of("base-url", "https://360-api.superloop.com"));
        AccessTokenCache tokens = new AccessTokenCache(() -> {
            throw new AssertionError("no token may be fetched for a foreign Location");
        }, Clock.systemUTC(), Duration.ofSeconds(60));
        ConnectClient client = new ConnectClient(settings,
                new CarrierHttp("connect", Duration.ofSeconds(1), Duration.ofSeconds(1)), tokens);

        for (String foreign : new String[] {"https://evil.example/api/connect/orders/1",
                "http://360-api.superloop.com/api/connect/orders/1", "https://360-api.superloop.com:8443/x",
                "//evil.example/api/connect/orders/1"}) {
            CarrierResult<?> r = client.getLocation(foreign);
            assertThat(r).as(foreign).isInstanceOf(CarrierResult.PermanentFailure.class);
            assertThat(r.failure().orElseThrow().category()).isEqualTo(Category.PROTOCOL);
        }
    }
}
