/**
 * Who calls the API and what they may see: {@link org.terroir.trace.access.Role},
 * {@link org.terroir.trace.access.Caller} and the interceptor that puts the caller into each
 * request's GraphQL context.
 */
package org.terroir.trace.access;
