package io.keliu.notify.channels.sms;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The signers against the providers' own worked examples, to the last hex digit. */
class SignersTest {

    /**
     * Alibaba Cloud, "V3 request structure and signature": RunInstances on ecs.cn-shanghai.aliyuncs.com with the
     * documentation's placeholder key pair, date and nonce.
     */
    @Test
    void acs3ReproducesAliyunsPublishedExample() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("RegionId", "cn-shanghai");
        query.put("ImageId", "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", "ecs.cn-shanghai.aliyuncs.com");
        headers.put("x-acs-action", "RunInstances");
        headers.put("x-acs-version", "2014-05-26");
        headers.put("x-acs-date", "2023-10-26T10:22:32Z");
        headers.put("x-acs-signature-nonce", "3156853299f313e23d1673dc12e1703d");

        Map<String, String> signed = Acs3Signer.sign("POST", "/", query, headers, "", "YourAccessKeyId",
                "YourAccessKeySecret");

        assertThat(signed.get("x-acs-content-sha256"))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(signed.get("Authorization")).isEqualTo("ACS3-HMAC-SHA256 Credential=YourAccessKeyId,"
                + "SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,"
                + "Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0");
    }

    @Test
    void acs3EncodesTheQueryAsRfc3986() {
        assertThat(Acs3Signer.canonicalQuery(Map.of("b", "a b*c~d", "a", "科流")))
                .isEqualTo("a=%E7%A7%91%E6%B5%81&b=a%20b%2Ac~d");
    }

    private static final String TENCENT_PAYLOAD =
            "{\"Limit\": 1, \"Filters\": [{\"Values\": [\"\\u672a\\u547d\\u540d\"], \"Name\": \"instance-name\"}]}";

    /** Tencent Cloud API 3.0, "Signature v3": DescribeInstances at 1551113065 with the EXAMPLE key pair. */
    @Test
    void tc3ReproducesTencentsPublishedExample() {
        assertThat(Tc3Signer.authorization("AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE", "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE",
                "cvm", "cvm.tencentcloudapi.com", 1551113065L, TENCENT_PAYLOAD))
                .isEqualTo("TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, "
                        + "SignedHeaders=content-type;host, "
                        + "Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168");
    }

    /** The same example as the Chinese page prints it, with the key pair masked by asterisks. */
    @Test
    void tc3ReproducesTheMaskedKeyVariantOfTheExample() {
        assertThat(Tc3Signer.authorization("AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******", "Gu5t9xGARNpq86cd98joQYCN3*******",
                "cvm", "cvm.tencentcloudapi.com", 1551113065L, TENCENT_PAYLOAD))
                .endsWith("Signature=2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c");
    }

    /** The credential scope's date is the UTC date: 00:44 in Beijing on the 26th is still the 25th. */
    @Test
    void tc3DatesTheScopeInUtc() {
        assertThat(Tc3Signer.authorization("id", "key", "sms", "sms.tencentcloudapi.com", 1551113065L, "{}"))
                .contains("/2019-02-25/sms/tc3_request");
    }
}
