package io.keliu.notify.channels;

/** Where a notification goes; each kind has one {@link Channel}. */
public enum ChannelKind {
    /** A WeCom group robot, addressed by its webhook key. */
    WECOM_ROBOT,
    /** A WeCom application message to a member, addressed by the member's user id. */
    WECOM_APP,
    /** A text message to a phone number, through the configured provider (Aliyun or Tencent Cloud). */
    SMS,
    EMAIL
}
