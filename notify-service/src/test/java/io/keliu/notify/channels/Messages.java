package io.keliu.notify.channels;

import java.util.List;

/** Messages for channel tests. */
public final class Messages {
    private Messages() {
    }

    public static Message to(ChannelKind channel, String address, String markdown, String... mentions) {
        return new Message("n-" + System.nanoTime(), channel, address, "[科流] 严重：广东省订单异常偏高", markdown,
                "严重·客流异常：广东省订单异常偏高", "<p>" + markdown + "</p>", markdown, List.of(mentions));
    }
}
