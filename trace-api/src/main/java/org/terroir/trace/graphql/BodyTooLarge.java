package org.terroir.trace.graphql;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request body larger than the server reads into memory ({@code spring.codec.max-in-memory-size},
 * 256 KB by default) is the client's mistake: 413 with a problem saying so, instead of a 500 and an
 * error in the log. {@code POST /graphql} has a lower limit of its own ({@code terroir.graphql.max-body}).
 */
@Component
@Order(-2) // before Spring Boot's error handler (-1), which answers 500
class BodyTooLarge implements WebExceptionHandler {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (!tooLarge(error)) {
            return Mono.error(error);
        }
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        response.setStatusCode(HttpStatus.CONTENT_TOO_LARGE);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", HttpStatus.CONTENT_TOO_LARGE.getReasonPhrase());
        problem.put("status", HttpStatus.CONTENT_TOO_LARGE.value());
        problem.put("detail", "the request body is larger than this server reads (spring.codec.max-in-memory-size)");
        problem.put("instance", exchange.getRequest().getPath().value());
        byte[] body = JSON.writeValueAsBytes(problem);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    private static boolean tooLarge(Throwable error) {
        for (Throwable at = error; at != null; at = at.getCause() == at ? null : at.getCause()) {
            if (at instanceof DataBufferLimitException) {
                return true;
            }
        }
        return false;
    }
}
