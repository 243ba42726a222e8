package io.keliu.notify.channels;

import java.util.List;

/**
 * One notification as a channel sends it. Each channel takes the form it needs: WeCom the markdown, SMS the short
 * text, email the subject, HTML and plain text.
 *
 * @param outId    our own id of the notification: sent along where the provider keeps it (SMS), so that its status
 *                 can be asked for later
 * @param mentions WeCom user ids to @mention (robot and app messages)
 */
public record Message(String outId, ChannelKind channel, String address, String subject, String markdown,
                      String shortText, String html, String plainText, List<String> mentions) {

    public Message {
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
    }
}
