package org.terroir.trace.access;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the audit trail is appended ({@code terroir.audit-log}; docs/trace-api.md).
 *
 * @param auditLog the file each entry is appended to as a JSON line; none: entries are only logged
 */
@ConfigurationProperties("terroir")
record AuditLogSettings(String auditLog) {}
