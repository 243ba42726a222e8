package io.keliu.notify.channels.sms;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Alibaba Cloud's V3 request signature (ACS3-HMAC-SHA256), as its "V3 request structure and signature" page defines
 * it: a canonical request over the method, path, sorted query, the {@code host} and {@code x-acs-*} headers and the
 * body's SHA-256, hashed and signed with HMAC-SHA256 under the AccessKey secret.
 */
final class Acs3Signer {
    static final String ALGORITHM = "ACS3-HMAC-SHA256";

    private Acs3Signer() {
    }

    /**
     * The headers to send, {@code Authorization} included.
     *
     * @param headers the {@code host} and {@code x-acs-*} headers (action, version, date, nonce, content hash)
     */
    static Map<String, String> sign(String method, String path, Map<String, String> query, Map<String, String> headers,
                                    String body, String accessKeyId, String accessKeySecret) {
        SortedMap<String, String> signed = new TreeMap<>();
        headers.forEach((name, value) -> signed.put(name.toLowerCase(java.util.Locale.ROOT), value.trim()));
        signed.put("x-acs-content-sha256", Signing.sha256Hex(body));
        String signedHeaders = String.join(";", signed.keySet());
        String canonicalRequest = method + "\n" + path + "\n" + canonicalQuery(query) + "\n"
                + signed.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue() + "\n")
                .collect(Collectors.joining())
                + "\n" + signedHeaders + "\n" + signed.get("x-acs-content-sha256");
        String stringToSign = ALGORITHM + "\n" + Signing.sha256Hex(canonicalRequest);
        String signature = Signing.hex(Signing.hmacSha256(accessKeySecret.getBytes(StandardCharsets.UTF_8),
                stringToSign));
        SortedMap<String, String> sent = new TreeMap<>(signed);
        sent.put("Authorization", ALGORITHM + " Credential=" + accessKeyId + ",SignedHeaders=" + signedHeaders
                + ",Signature=" + signature);
        return sent;
    }

    static String canonicalQuery(Map<String, String> query) {
        return new TreeMap<>(query).entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** RFC 3986 percent-encoding, as the signature requires (space %20, '*' %2A, '~' kept). */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }
}
