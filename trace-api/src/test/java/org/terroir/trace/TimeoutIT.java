package org.terroir.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/** A request over {@code terroir.graphql.timeout} is cancelled and answered with one error naming the limit. */
@TestPropertySource(properties = "terroir.graphql.timeout=1ns")
class TimeoutIT extends DemoApiTestBase {

    @Test
    @SuppressWarnings("unchecked")
    void aRequestOverTheTimeoutGetsOneErrorNamingTheLimit() {
        Map<String, Object> body = client.post().contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ trace(gtin: \"09520011001021\", lot: \"LC2601\") { key inputs { key } } }"))
                .exchange().expectBody(new ParameterizedTypeReference<Map<String, Object>>() {}).returnResult().getResponseBody();
        assertThat(body.get("data")).isNull();
        List<Map<String, Object>> errors = (List<Map<String, Object>>) body.get("errors");
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat((String) error.get("message")).startsWith("the request took longer than the limit 0 ms (terroir.graphql.timeout)");
            assertThat(((Map<String, Object>) error.get("extensions")).get("classification")).isEqualTo("INTERNAL_ERROR");
        });
    }
}
