package io.keliu.bench;

import java.util.HashMap;
import java.util.Map;

/** A benchmark's command line, {@code --name value} pairs. */
final class Arguments {
    private Arguments() {
    }

    /** The options by name without the dashes. */
    static Map<String, String> of(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }
}
