package com.carriergateway.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Carrier Gateway: the BestRx delivery-provider API in front of several couriers. */
@SpringBootApplication
public class GatewayApplication {

    public static void main(String[] args) {
        // NIO keeps, per thread, a direct buffer as large as the largest write that thread made from a heap buffer.
        // H2 writes whole chunks that way (megabytes when a commit touches many pages): with a few dozen request
        // threads that filled the JVM's direct memory in the benchmark (OutOfMemoryError, then 503s). Larger writes
        // get a temporary buffer instead. Must be set before the first NIO write; an operator's own value wins.
        if (System.getProperty("jdk.nio.maxCachedBufferSize") == null) {
            System.setProperty("jdk.nio.maxCachedBufferSize", "262144");
        }
        SpringApplication.run(GatewayApplication.class, args);
    }
}
