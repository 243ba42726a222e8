package io.keliu.notify.channels.sms;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Tencent Cloud API 3.0's request signature (TC3-HMAC-SHA256): a canonical POST request over {@code content-type}
 * and {@code host}, a credential scope of the UTC date and service, and a signing key derived from the SecretKey.
 */
final class Tc3Signer {
    static final String ALGORITHM = "TC3-HMAC-SHA256";
    static final String CONTENT_TYPE = "application/json; charset=utf-8";

    private Tc3Signer() {
    }

    /** The {@code Authorization} header of a JSON POST to {@code host} at {@code timestamp} (seconds). */
    static String authorization(String secretId, String secretKey, String service, String host, long timestamp,
                                String payload) {
        String date = DateTimeFormatter.ISO_LOCAL_DATE.format(Instant.ofEpochSecond(timestamp).atOffset(ZoneOffset.UTC));
        String signedHeaders = "content-type;host";
        // header values enter the canonical request in lower case, so an HTTP client writing charset=UTF-8 still matches
        String canonicalRequest = "POST\n/\n\n" + "content-type:" + CONTENT_TYPE + "\nhost:"
                + host.toLowerCase(Locale.ROOT) + "\n\n" + signedHeaders + "\n" + Signing.sha256Hex(payload);
        String scope = date + "/" + service + "/tc3_request";
        String stringToSign = ALGORITHM + "\n" + timestamp + "\n" + scope + "\n" + Signing.sha256Hex(canonicalRequest);
        byte[] secretDate = Signing.hmacSha256(("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        byte[] secretService = Signing.hmacSha256(secretDate, service);
        byte[] secretSigning = Signing.hmacSha256(secretService, "tc3_request");
        String signature = Signing.hex(Signing.hmacSha256(secretSigning, stringToSign));
        return ALGORITHM + " Credential=" + secretId + "/" + scope + ", SignedHeaders=" + signedHeaders
                + ", Signature=" + signature;
    }
}
