package io.keliu.profile.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.keliu.contracts.v1.Role;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

class PiiPolicyTest {
    private static final String ADDRESS = "浙江省杭州市西湖区文三路 90 号";
    private final PiiPolicy policy = new PiiPolicy();

    @AfterEach
    void forgetTheCaller() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aMarketerSeesPersonalDataMaskedUnlessGrantedPii() {
        callerWith(Role.MARKETER);
        assertThat(policy.show(ADDRESS)).isEqualTo("浙江省杭州市***");

        callerWith(Role.MARKETER, Role.PII);
        assertThat(policy.show(ADDRESS)).isEqualTo(ADDRESS);
    }

    @Test
    void anAdministratorSeesPersonalData() {
        callerWith(Role.ADMIN);
        assertThat(policy.show(ADDRESS)).isEqualTo(ADDRESS);
    }

    @Test
    void aShortValueIsMaskedWhole() {
        callerWith(Role.OPS);
        assertThat(policy.show("杭州")).isEqualTo("***");
    }

    private static void callerWith(Role... roles) {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("someone", null,
                Arrays.stream(roles).map(Role::authority).toArray(String[]::new)));
    }
}
