package org.terroir.trace.scans;

import graphql.GraphQLContext;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.pagination.Subrange;
import org.springframework.stereotype.Controller;
import org.terroir.trace.access.Caller;
import org.terroir.trace.graphql.Arguments;
import org.terroir.trace.graphql.ForbiddenFieldException;
import org.terroir.trace.graphql.Page;
import org.terroir.trace.graphql.TimePosition;
import reactor.core.publisher.Mono;

/**
 * {@code scans} (the recorded scans of a product's labels) and {@code suspiciousScans} (the copy flags
 * raised on them), for the association that owns the brand (its own brands only) and for regulators;
 * others are refused before anything is read.
 */
@Controller
record ScanQueries(Scans scans, ScanFlags flags) {

    @QueryMapping
    Mono<Page<ScanFlags.Flag>> suspiciousScans(@Argument String brand, Subrange<String> page,
                                               GraphQLContext context) {
        List<String> owners = owners(Caller.of(context), "Query.suspiciousScans");
        return flags.flags(brand, owners, Arguments.first(page), page.position().map(TimePosition::of));
    }

    /** The brand owners whose goods the caller may see: an association's own, a regulator's all (null); others are refused. */
    private static List<String> owners(Caller caller, String field) {
        return switch (caller.role()) {
            case ASSOCIATION -> List.copyOf(caller.parties());
            case REGULATOR -> null;
            case PUBLIC, LOGISTICS, ENTERPRISE, STATION -> throw new ForbiddenFieldException(field + " is for the association that owns the "
                    + "product's brand and for regulators (caller: " + caller.describe() + ")");
        };
    }

    @QueryMapping
    Mono<Page<Scans.Scan>> scans(@Argument String gtin, @Argument String lot, @Argument String serial, @Argument String from,
                                 @Argument String until, Subrange<String> page, GraphQLContext context) {
        List<String> owners = owners(Caller.of(context), "Query.scans");
        Scans.Query query = new Scans.Query(Arguments.gtin(gtin).value(), lot == null ? null : Arguments.lot(lot).value(),
                serial == null ? null : Arguments.serial(serial).value(), Arguments.time("from", from),
                Arguments.time("until", until), owners);
        return scans.scans(query, Arguments.first(page), page.position().map(TimePosition::of));
    }
}
