package io.keliu.testsupport;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Makes the service under test trust {@link GatewayTokens} instead of a running gateway. */
public class GatewayTokensInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of("keliu.security.jwk-set-uri=" + GatewayTokens.jwkSetUri())
                .applyTo(context.getEnvironment());
    }
}
