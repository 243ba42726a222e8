package io.keliu.gateway.audit;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface AuditRepository extends JpaRepository<AuditEntry, Long> {

    List<AuditEntry> findAllByOrderByIdDesc(Limit limit);

    List<AuditEntry> findAllByActionOrderByIdDesc(AuditAction action, Limit limit);
}
