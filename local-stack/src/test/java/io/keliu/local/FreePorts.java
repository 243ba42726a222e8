package io.keliu.local;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/** Ports for a test's own stack, so that it never collides with a stack the developer is running. */
final class FreePorts {
    private static final Random RANDOM = new Random();
    private static final Set<Integer> PICKED = new HashSet<>();

    private FreePorts() {
    }

    /**
     * A port free now, below Linux's ephemeral range (32768 and up): the stack's processes open dozens of outgoing
     * connections while it starts, and one of them could take a port picked from that range before the service meant
     * to listen on it does (the gateway, which starts last, once failed so).
     */
    static synchronized int any() {
        while (true) {
            int port = 20_000 + RANDOM.nextInt(12_000);
            if (!PICKED.add(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port)) {
                return socket.getLocalPort();
            } catch (IOException inUse) {
                // try another
            }
        }
    }
}
