package org.terroir.trace.epcis;

import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * What every answer of the EPCIS 2.0 REST binding (capture and query) shares: the version headers,
 * and refusals as RFC 7807 problems of the binding's {@code epcisException:} types.
 */
public final class EpcisAnswers {

    /** The EPCIS and CBV versions this repository speaks. */
    public static final String EPCIS_VERSION = "2.0.0";
    public static final String CBV_VERSION = "2.0.0";

    public static final String SECURITY = "epcisException:SecurityException";
    public static final String VALIDATION = "epcisException:ValidationException";
    public static final String NO_SUCH_NAME = "epcisException:NoSuchNameException";
    public static final String QUERY_PARAMETER = "epcisException:QueryParameterException";
    public static final String NOT_ACCEPTABLE = "epcisException:NotAcceptableException";
    public static final String IMPLEMENTATION = "epcisException:ImplementationException";

    private EpcisAnswers() {
    }

    /** Sets {@code GS1-EPCIS-Version} and {@code GS1-CBV-Version}. */
    public static void versions(HttpHeaders headers) {
        headers.set("GS1-EPCIS-Version", EPCIS_VERSION);
        headers.set("GS1-CBV-Version", CBV_VERSION);
    }

    /** Sets the versions and the range of them this repository speaks ({@code GS1-EPCIS-Min}, …). */
    public static void versionRange(HttpHeaders headers) {
        versions(headers);
        headers.set("GS1-EPCIS-Min", EPCIS_VERSION);
        headers.set("GS1-EPCIS-Max", EPCIS_VERSION);
        headers.set("GS1-CBV-Min", CBV_VERSION);
        headers.set("GS1-CBV-Max", CBV_VERSION);
    }

    /** 401 with {@code WWW-Authenticate: Bearer}: {@code what} needs a bearer token. */
    public static Mono<ServerResponse> unauthorized(String what) {
        return ServerResponse.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).bodyValue(problemDetail(HttpStatus.UNAUTHORIZED,
                        SECURITY, "Unauthorised request", what + " needs a bearer token"));
    }

    /** A problem answer: {@code status}, the binding's {@code type}, a title and what was wrong. */
    public static Mono<ServerResponse> problem(HttpStatus status, String type, String title, String detail) {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).headers(EpcisAnswers::versions)
                .bodyValue(problemDetail(status, type, title, detail));
    }

    public static ProblemDetail problemDetail(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(type));
        problem.setTitle(title);
        return problem;
    }
}
