package io.keliu.support.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Accepts exactly the header names and values StrictHttpFirewall's own regular expressions accept. */
class HeaderFirewallTest {
    private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @ParameterizedTest
    @ValueSource(strings = {"", "Authorization", "Bearer eyJ.abc-_~+/=", "a\tb", "a\nb", "a\rb", "a\u0000", "\u007f",
            "\u0085x", "\u00a0", "中文", "é", "\ud83d\ude00", "\ud83d", "\ude00x", "\u0378", "\udb40\udc01",
            "\uffff", "\u200b", "x|y", "\t"})
    void agreesWithTheRegularExpressions(String text) {
        assertThat(HeaderFirewall.isAllowedName(text)).isEqualTo(NAME.matcher(text).matches());
        assertThat(HeaderFirewall.isAllowedValue(text)).isEqualTo(VALUE.matcher(text).matches());
    }

    @Test
    void agreesWithTheRegularExpressionsOnRandomText() {
        Random random = new Random(9);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int length = random.nextInt(6); length > 0; length--) {
                text.append((char) (random.nextBoolean() ? random.nextInt(0x100) : random.nextInt(0x10000)));
            }
            String s = text.toString();
            assertThat(HeaderFirewall.isAllowedName(s)).as("name %s", s.codePoints().boxed().toList())
                    .isEqualTo(NAME.matcher(s).matches());
            assertThat(HeaderFirewall.isAllowedValue(s)).as("value %s", s.codePoints().boxed().toList())
                    .isEqualTo(VALUE.matcher(s).matches());
        }
    }

    @Test
    void theFirewallRefusesAControlCharacterInAHeaderItIsAskedFor() {
        StrictHttpFirewall firewall = HeaderFirewall.strict();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/orders");
        request.addHeader("X-Note", "line\u0007bell");
        request.addHeader("X-Tab", "a\tb");
        var checked = firewall.getFirewalledRequest(request);
        assertThat(checked.getHeader("X-Tab")).isEqualTo("a\tb");
        assertThatThrownBy(() -> checked.getHeader("X-Note")).isInstanceOf(RequestRejectedException.class);
    }
}
