package io.keliu.bench;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The reference for {@link AuthOverheadBenchmark}: Spring Cloud Gateway (server-webmvc, virtual threads) as the
 * Keliu gateway runs it, with the route given on the command line, and nothing else: no security, no database.
 */
@SpringBootApplication
public class OpenGateway {

    public static void main(String[] args) {
        SpringApplication.run(OpenGateway.class, args);
    }
}
