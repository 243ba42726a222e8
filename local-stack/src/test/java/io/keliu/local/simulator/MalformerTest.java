package io.keliu.local.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.keliu.contracts.v1.Topics;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;

class MalformerTest {
    private final Malformer malformer = new Malformer(JsonMapper.builder().build());

    @ParameterizedTest
    @EnumSource(Malformer.Damage.class)
    void every_kind_of_damage_makes_a_valid_order_line_invalid(Malformer.Damage damage) {
        RawRecord intact = malformer.intact(validLine());
        RawRecord damaged = malformer.damage(validLine(), damage, new Random(3));

        assertThat(RawRecordCheck.isValid(intact)).isTrue();
        assertThat(RawRecordCheck.isValid(damaged)).as(damaged.json()).isFalse();
        assertThat(damaged.key()).isEqualTo("SO1");
    }

    @Test
    void a_refund_line_is_never_given_a_wrong_sign_because_it_is_negative_already() {
        Draft refund = validLine().put("quantity", -1).put("status", "REFUNDED");
        assertThat(Malformer.damagesFor(refund)).doesNotContain(Malformer.Damage.NEGATIVE_QUANTITY);
    }

    private static Draft validLine() {
        return Draft.of(Topics.RAW_ORDERS, "SO1")
                .put("order_id", "SO1").put("user_id", "U100001").put("created_at", "2026-11-20T20:15:00")
                .put("product_id", "P1001").put("quantity", 2).put("amount", "19.80")
                .put("order_type", "网络").put("channel", "微信").put("status", "待发货").put("cancelled", false);
    }
}
