package io.keliu.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Finds taken ports before anything starts, so the user learns about all of them at once and nothing half-starts. */
public final class PortCheck {

    private PortCheck() {
    }

    /** One line per port that something else already listens on; empty when all are free. */
    public static List<String> takenPorts(StackPorts ports) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<Integer, String> owner : ports.owners().entrySet()) {
            if (!isFree(owner.getKey())) {
                problems.add("port " + owner.getKey() + " (for " + owner.getValue() + ") is already in use");
            }
        }
        return problems;
    }

    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // as the servers do: a port that only lingers in TIME_WAIT after our last run counts as free
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
