package io.keliu.contracts.v1;

/**
 * What a caller may do. People and API keys hold one or more; the gateway passes them to the services in the
 * {@link GatewayToken#ROLES} claim, and services check them as Spring Security authorities {@code ROLE_<name>}.
 */
public enum Role {
    /** Everything, including users, API keys and the audit log. */
    ADMIN,
    /** Dashboard, traffic, reports and imports. */
    OPS,
    /** Customers, segments, audiences and alert subscriptions; no raw PII export unless granted. */
    MARKETER,
    /** API only, scoped by the roles of its key. */
    INTEGRATOR,
    /** Actuator details, metrics and Prometheus scraping. */
    METRICS,
    /**
     * A grant on top of another role: unmasked personal data (phone, email, address) in customer views and audience
     * exports. ADMIN sees it anyway.
     */
    PII;

    public String authority() {
        return "ROLE_" + name();
    }
}
