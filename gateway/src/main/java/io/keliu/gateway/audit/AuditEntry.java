package io.keliu.gateway.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "audit_log")
public class AuditEntry {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private Instant at;
    @Column(nullable = false)
    private String actor;
    @Column(name = "remote_addr")
    private String remoteAddress;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AuditAction action;
    @Column(nullable = false)
    private String detail;

    protected AuditEntry() {
    }

    AuditEntry(Instant at, String actor, String remoteAddress, AuditAction action, String detail) {
        this.at = at;
        this.actor = actor;
        this.remoteAddress = remoteAddress;
        this.action = action;
        this.detail = detail;
    }

    public Long getId() {
        return id;
    }

    public Instant getAt() {
        return at;
    }

    public String getActor() {
        return actor;
    }

    public String getRemoteAddress() {
        return remoteAddress;
    }

    public AuditAction getAction() {
        return action;
    }

    public String getDetail() {
        return detail;
    }
}
