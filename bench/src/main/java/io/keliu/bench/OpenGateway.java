package io.keliu.bench;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The bare path of {@link AuthOverheadBenchmark}: Spring Cloud Gateway (server-webmvc, virtual threads, the Keliu
 * gateway's HTTP client library) with the route given on the command line, and nothing else: no security, no
 * database, no metrics, no API request log.
 */
@SpringBootApplication
public class OpenGateway {

    public static void main(String[] args) {
        SpringApplication.run(OpenGateway.class, args);
    }
}
