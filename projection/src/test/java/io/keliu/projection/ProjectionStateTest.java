package io.keliu.projection;

import io.keliu.testsupport.KeliuIntegrationTest;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The claim of event ids against the real database: each id is claimed once, whatever the batches. */
@KeliuIntegrationTest
class ProjectionStateTest {
    @Autowired
    ProjectionState state;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void claimsAnIdOnceWhetherItComesAgainInALaterBatchOrTwiceInOne() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        UUID d = UUID.randomUUID();

        assertThat(claim(a, b)).isEqualTo(Set.of(a, b));
        assertThat(claim(b, c, c)).isEqualTo(Set.of(c));
        assertThat(claim(d, d)).isEqualTo(Set.of(d));
        assertThat(claim(a, b, c, d)).isEqualTo(Set.of());
    }

    @Test
    void aClaimThatMeetsAnIdAlreadyRecordedKeepsTheRestOfItsTransaction() {
        UUID seen = UUID.randomUUID();
        UUID fresh = UUID.randomUUID();
        TopicPartition partition = new TopicPartition("projtest.state-" + fresh, 0);
        claim(seen);

        Set<UUID> claimed = new TransactionTemplate(transactionManager).execute(status -> {
            state.advance(Map.of(partition, 42L));
            return state.claim(List.of(fresh, seen));
        });

        assertThat(claimed).isEqualTo(Set.of(fresh));
        assertThat(state.offsets()).containsEntry(partition, 42L);
        assertThat(claim(fresh)).isEqualTo(Set.of());
    }

    /** Claims the ids in a transaction of their own. */
    private Set<UUID> claim(UUID... ids) {
        return new TransactionTemplate(transactionManager).execute(status -> state.claim(List.of(ids)));
    }
}
