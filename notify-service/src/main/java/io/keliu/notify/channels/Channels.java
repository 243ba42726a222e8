package io.keliu.notify.channels;

import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Every channel by its kind. */
@Component
public class Channels {
    private final Map<ChannelKind, Channel> byKind = new EnumMap<>(ChannelKind.class);

    public Channels(List<Channel> channels) {
        channels.forEach(channel -> byKind.put(channel.kind(), channel));
    }

    public Channel get(ChannelKind kind) {
        return byKind.get(kind);
    }

    public Map<ChannelKind, Availability> availability() {
        Map<ChannelKind, Availability> result = new EnumMap<>(ChannelKind.class);
        byKind.forEach((kind, channel) -> result.put(kind, channel.availability()));
        return result;
    }
}
