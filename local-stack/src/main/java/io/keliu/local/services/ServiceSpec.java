package io.keliu.local.services;

import java.util.Map;

/**
 * How to run one service as a child JVM: the Maven module that builds its jar, the port it serves on and the
 * environment that configures it (services read nothing else, as in a container).
 */
public record ServiceSpec(String module, int port, Map<String, String> environment) {

    public String healthUrl() {
        return "http://localhost:" + port + "/actuator/health";
    }
}
