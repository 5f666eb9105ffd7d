package org.terroir.trace.poverty;

import graphql.GraphQLContext;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.terroir.trace.access.Caller;
import org.terroir.trace.access.Role;
import org.terroir.trace.graphql.ForbiddenFieldException;
import org.terroir.trace.graphql.InvalidArgumentException;
import reactor.core.publisher.Mono;

/**
 * {@code povertyFigures}: for regulators, every brand; for an association, its own brands (the
 * brands are checked before any figure is read); for anyone else, {@code FORBIDDEN}.
 */
@Controller
class PovertyQuery {

    private static final Pattern REGION_CODE = Pattern.compile("\\d{6}|\\d{9}|\\d{12}");

    private final Poverty poverty;

    PovertyQuery(Poverty poverty) {
        this.poverty = poverty;
    }

    @QueryMapping
    Mono<List<PovertyFigures>> povertyFigures(@Argument List<String> brands, @Argument String region, GraphQLContext context) {
        Caller caller = Caller.of(context);
        if (region != null && !REGION_CODE.matcher(region).matches()) {
            throw new InvalidArgumentException("region", new IllegalArgumentException(
                    "a region code is 6, 9 or 12 digits, got \"" + region + "\""));
        }
        if (caller.isRegulator()) {
            return poverty.figures(brands, region).collectList();
        }
        if (caller.role() != Role.ASSOCIATION) {
            throw forbidden(caller);
        }
        return poverty.brandsOwnedBy(caller.parties()).flatMap(own -> {
            if (brands == null) {
                return own.isEmpty() ? Mono.just(List.<PovertyFigures>of()) : poverty.figures(own, region).collectList();
            }
            List<String> others = brands.stream().filter(brand -> !own.contains(brand)).distinct().toList();
            if (!others.isEmpty()) {
                return Mono.error(new ForbiddenFieldException("an association sees the poverty figures of its own brands only "
                        + own + ", not of " + others + " (caller: " + caller.describe() + ")"));
            }
            return poverty.figures(brands, region).collectList();
        });
    }

    private static ForbiddenFieldException forbidden(Caller caller) {
        return new ForbiddenFieldException("poverty figures are for regulators and, for their own brands, associations "
                + "(caller: " + caller.describe() + ")");
    }
}
