/**
 * Who calls the API and what they may see: bearer tokens and their verification
 * ({@link org.terroir.trace.access.Tokens}, {@link org.terroir.trace.access.SecurityConfiguration}),
 * {@link org.terroir.trace.access.Role} and {@link org.terroir.trace.access.Caller}, the interceptor
 * that puts the caller into each request's GraphQL context, the clients the per-client limits count,
 * and the audit trail of what only some callers may do ({@link org.terroir.trace.access.AuditLog}).
 */
package org.terroir.trace.access;
