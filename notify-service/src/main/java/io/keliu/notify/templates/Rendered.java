package io.keliu.notify.templates;

/** One notification's text in every form the channels take. */
public record Rendered(String subject, String markdown, String shortText, String html, String plainText) {
}
