package io.keliu.local.services;

/** A service that did not come up; carries the process so that the caller can show its log. */
public final class ServiceStartException extends RuntimeException {
    private final transient ServiceProcess service;

    public ServiceStartException(ServiceProcess service, String what) {
        super(service.name() + " " + what);
        this.service = service;
    }

    public ServiceProcess service() {
        return service;
    }
}
