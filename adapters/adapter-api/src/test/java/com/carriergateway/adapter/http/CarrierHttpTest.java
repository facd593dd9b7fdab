package com.carriergateway.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carriergateway.adapter.CarrierError.Category;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What goes on the wire and what a failure means, against a bare socket server (so nothing between the client
 * and the test can retry, buffer or reconnect on its behalf).
 */
class CarrierHttpTest {

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private ServerSocket server;

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void sendsMethodHeadersAndBodyAndReadsTheAnswerOverOneKeptAliveConnection() throws Exception {
        serve(request -> "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nX-Trace: a\r\n"
                + "Content-Length: 13\r\n\r\n{\"id\":\"Zoë\"}");
        CarrierHttp http = http(Duration.ofSeconds(2));

        for (int i = 0; i < 3; i++) {
            CarrierHttpResponse answer = http.send(http.request(url("/v1/orders?clientId=c"))
                    .header("Authorization", "Bearer t").header("Content-Type", "application/json")
                    .method("PUT", "{\"name\":\"Zoë\"}").build());
            assertThat(answer.status()).isEqualTo(201);
            assertThat(answer.body()).isEqualTo("{\"id\":\"Zoë\"}");
            assertThat(answer.header("x-trace")).isEqualTo("a");
        }

        assertThat(requests).hasSize(3);
        assertThat(requests.get(0)).startsWith("PUT /v1/orders?clientId=c HTTP/1.1\r\n")
                .contains("Authorization: Bearer t\r\n", "Content-Type: application/json\r\n",
                        "Content-Length: 15\r\n") // UTF-8 bytes, not characters
                .endsWith("\r\n\r\n{\"name\":\"Zoë\"}");
        assertThat(connections).as("connections opened").hasValue(1);
    }

    @Test
    void aConnectionClosedWithoutAnAnswerMayHaveArrivedAndIsNotSentAgain() throws Exception {
        serve(request -> null); // reads the request, then hangs up without a word
        CarrierHttp http = http(Duration.ofSeconds(2));

        assertThatThrownBy(() -> http.send(http.request(url("/orders")).POST("{}").build()))
                .isInstanceOfSatisfying(CarrierCallException.class, e -> {
                    assertThat(e.mayHaveArrived()).isTrue();
                    assertThat(e.category()).isEqualTo(Category.UNAVAILABLE);
                });
        assertThat(requests).as("requests the carrier received").hasSize(1);
    }

    @Test
    void noAnswerWithinTheRequestTimeoutIsATimeoutThatMayHaveArrived() throws Exception {
        serve(request -> {
            sleep(1_500);
            return "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
        });
        CarrierHttp http = http(Duration.ofMillis(300));

        assertThatThrownBy(() -> http.send(http.request(url("/orders")).POST("{}").build()))
                .isInstanceOfSatisfying(CarrierCallException.class, e -> {
                    assertThat(e.mayHaveArrived()).isTrue();
                    assertThat(e.category()).isEqualTo(Category.TIMEOUT);
                });
        assertThat(requests).hasSize(1);
    }

    @Test
    void aRefusedConnectionNeverArrived() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        CarrierHttp http = http(Duration.ofSeconds(2));

        assertThatThrownBy(() -> http.send(http.request("http://127.0.0.1:" + closedPort + "/orders").GET().build()))
                .isInstanceOfSatisfying(CarrierCallException.class, e -> {
                    assertThat(e.mayHaveArrived()).isFalse();
                    assertThat(e.category()).isEqualTo(Category.UNAVAILABLE);
                });
    }

    private CarrierHttp http(Duration requestTimeout) {
        return new CarrierHttp("test-carrier", Duration.ofSeconds(1), requestTimeout);
    }

    private String url(String pathAndQuery) {
        return "http://127.0.0.1:" + server.getLocalPort() + pathAndQuery;
    }

    /** A keep-alive HTTP/1.1 server: one thread per connection; {@code answer} returns the raw answer or null to hang up. */
    private void serve(Function<String, String> answer) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    connections.incrementAndGet();
                    Thread t = new Thread(() -> converse(socket, answer));
                    t.setDaemon(true);
                    t.start();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void converse(Socket socket, Function<String, String> answer) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (true) {
                String request = readRequest(in);
                if (request == null) {
                    return;
                }
                requests.add(request);
                String reply = answer.apply(request);
                if (reply == null) {
                    return;
                }
                out.write(reply.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException ignored) {
            // the client went away
        }
    }

    /** Head and body of one request (Content-Length bodies only), or null at end of stream. */
    private static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.UTF_8);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        byte[] body = in.readNBytes(length);
        return text + new String(body, StandardCharsets.UTF_8);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
