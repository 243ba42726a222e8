package io.keliu.notify.channels;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class Utf8Test {

    @Test
    void keepsTextThatFits() {
        assertThat(Utf8.truncate("客流", 6, "…")).isEqualTo("客流");
    }

    @Test
    void cutsOnACharacterBoundaryWithinTheLimit() {
        String text = "客".repeat(2000); // 6,000 bytes
        String cut = Utf8.truncate(text, 4096, "\n…");
        byte[] bytes = cut.getBytes(StandardCharsets.UTF_8);
        assertThat(bytes.length).isLessThanOrEqualTo(4096).isGreaterThan(4096 - 3 - 4);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(cut).endsWith("客\n…");
    }

    @Test
    void neverSplitsASurrogatePair() {
        String text = "a" + "😀".repeat(10); // 1 + 40 bytes
        String cut = Utf8.truncate(text, 12, "");
        assertThat(cut).isEqualTo("a😀😀");
    }

    @Test
    void prefersALineBreakNearTheEnd() {
        String text = "line one\n" + "x".repeat(20) + "\nline three is long";
        assertThat(Utf8.truncate(text, 36, "…")).isEqualTo("line one\n" + "x".repeat(20) + "\n…");
    }
}
