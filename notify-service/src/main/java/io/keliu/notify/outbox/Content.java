package io.keliu.notify.outbox;

import java.util.List;

/** What a notification says, in every form the channels take (stored with it, so a retry sends the same text). */
public record Content(String subject, String markdown, String shortText, String html, String plainText,
                     List<String> mentions) {
}
