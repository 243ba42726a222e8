package io.keliu.gateway.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/** Audits each import an authorised caller starts through the gateway (the service does the import itself). */
public class ImportAudit extends OncePerRequestFilter {
    private static final String IMPORTS = "/api/v1/imports/";

    private final AuditLog audit;

    public ImportAudit(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith(IMPORTS);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String kind = request.getRequestURI().substring(IMPORTS.length());
        audit.record(AuditAction.IMPORT_STARTED, "import of " + kind
                + (request.getQueryString() == null ? "" : " ?" + request.getQueryString())
                + (request.getContentLengthLong() < 0 ? "" : ", " + request.getContentLengthLong() + " bytes"));
        chain.doFilter(request, response);
    }
}
