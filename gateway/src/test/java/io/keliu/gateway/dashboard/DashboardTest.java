package io.keliu.gateway.dashboard;

import io.keliu.gateway.ServicesHealth;
import io.keliu.gateway.apikeys.ApiKeyIntrospector;
import io.keliu.gateway.audit.AuditLog;
import io.keliu.gateway.ratelimit.RateLimitProperties;
import io.keliu.gateway.security.GatewaySecurity;
import io.keliu.gateway.tokens.ServiceTokens;
import io.keliu.gateway.users.UserRepository;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A MockMvc slice test of dashboard pages behind the gateway's real security configuration, layout and messages:
 * {@code @DashboardTest(RegionPage.class)}. What the security filters need besides is mocked (a page makes no API
 * call); {@code @Autowired} one of them (e.g. {@link UserRepository}) to give it answers.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest
@Import({GatewaySecurity.class, MessageBundles.class})
@EnableConfigurationProperties(RateLimitProperties.class)
@MockitoBean(types = {UserRepository.class, ApiKeyIntrospector.class, ServiceTokens.class, AuditLog.class,
        KafkaTemplate.class, ServicesHealth.class})
public @interface DashboardTest {

    /** The page controllers to load (besides the layout's {@code DashboardModel} advice). */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value() default {};
}
