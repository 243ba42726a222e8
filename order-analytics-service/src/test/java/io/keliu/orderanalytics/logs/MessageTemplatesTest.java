package io.keliu.orderanalytics.logs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageTemplatesTest {

    @Test
    void messages_that_differ_in_numbers_and_ids_share_a_template() {
        assertThat(MessageTemplates.template("timeout after 3000 ms for order SO20241201-7"))
                .isEqualTo(MessageTemplates.template("timeout after 2500 ms for order SO20241202-19"))
                .isEqualTo("timeout after <n> ms for order <id>");
    }

    @Test
    void masks_uuids_addresses_and_numbers_inside_chinese_text() {
        assertThat(MessageTemplates.template("用户 u_10023 登录失败 from 10.0.3.7:8443, trace "
                + "5b1c0a0e-3f41-3c8e-9f0e-6a3b2f5d9e11, mail li.lei@example.com"))
                .isEqualTo("用户 <id> 登录失败 from <ip>, trace <uuid>, mail <email>");
        assertThat(MessageTemplates.template("订单123支付失败，金额 -45.50 元")).isEqualTo("订单<n>支付失败，金额 <n> 元");
    }

    @Test
    void keeps_words_and_reads_nothing_as_empty() {
        assertThat(MessageTemplates.template("Connection refused")).isEqualTo("Connection refused");
        assertThat(MessageTemplates.template("  ")).isEqualTo("(empty)");
    }
}
