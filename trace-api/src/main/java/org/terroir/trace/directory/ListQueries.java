package org.terroir.trace.directory;

import java.util.regex.Pattern;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.pagination.Subrange;
import org.springframework.stereotype.Controller;
import org.terroir.model.BrandKind;
import org.terroir.model.CertificationKind;
import org.terroir.model.LocationKind;
import org.terroir.model.RegionLevel;
import org.terroir.trace.graphql.Arguments;
import org.terroir.trace.graphql.InvalidArgumentException;
import org.terroir.trace.graphql.Page;
import org.terroir.trace.trace.BatchTrace;
import org.terroir.trace.trace.Brand;
import org.terroir.trace.trace.Location;
import org.terroir.trace.trace.Party;
import org.terroir.trace.trace.Producer;
import org.terroir.trace.trace.Region;
import reactor.core.publisher.Mono;

/**
 * The lists: brands, associations, cooperatives, producers, regions, locations and batches as Relay cursor
 * connections. Page sizes are capped ({@value Arguments#MAX_PAGE}); cursors, region codes and times are
 * checked before anything is read, each wrong one a {@code BAD_REQUEST} naming the argument.
 */
@Controller
class ListQueries {

    private static final Pattern REGION_CODE = Pattern.compile("\\d{6}|\\d{9}|\\d{12}");

    private final Lists lists;

    ListQueries(Lists lists) {
        this.lists = lists;
    }

    @QueryMapping
    Mono<Page<Brand>> brands(Subrange<String> page, @Argument BrandKind kind, @Argument String region) {
        return lists.brands(Arguments.first(page), page.position(), Lists.filter("kind", kind == null ? null : kind.value(),
                "region", region("region", region)));
    }

    @QueryMapping
    Mono<Page<Party>> associations(Subrange<String> page, @Argument String region, @Argument String brand) {
        return lists.parties(Arguments.first(page), page.position(), Lists.filter("kind", "Association", "region", region("region", region),
                "brand", brand));
    }

    @QueryMapping
    Mono<Page<Party>> cooperatives(Subrange<String> page, @Argument String region, @Argument String brand) {
        return lists.parties(Arguments.first(page), page.position(), Lists.filter("kind", "Cooperative", "region", region("region", region),
                "brand", brand));
    }

    @QueryMapping
    Mono<Page<Producer>> producers(Subrange<String> page, @Argument String brand, @Argument String region,
                                   @Argument String cooperative) {
        return lists.producers(Arguments.first(page), page.position(), Lists.filter("brand", brand, "region", region("region", region),
                "cooperative", Arguments.gln("cooperative", cooperative)));
    }

    @QueryMapping
    Mono<Page<Region>> regions(Subrange<String> page, @Argument RegionLevel level, @Argument String within) {
        return lists.regions(Arguments.first(page), page.position(), Lists.filter("level", level == null ? null : level.value(),
                "within", region("within", within)));
    }

    @QueryMapping
    Mono<Page<Location>> locations(Subrange<String> page, @Argument LocationKind kind,
                                   @Argument String region) {
        return lists.locations(Arguments.first(page), page.position(), Lists.filter("kind", kind == null ? null : kind.value(),
                "region", region("region", region)));
    }

    @QueryMapping
    Mono<Page<BatchTrace>> batches(Subrange<String> page, @Argument String brand, @Argument String region,
                                   @Argument String from, @Argument String until, @Argument CertificationKind certification) {
        return lists.batches(Arguments.first(page), page.position(), Lists.filter("brand", brand, "region", region("region", region),
                "from", Arguments.time("from", from), "until", Arguments.time("until", until),
                "certification", certification == null ? null : certification.name()));
    }

    private static String region(String argument, String code) {
        if (code != null && !REGION_CODE.matcher(code).matches()) {
            throw new InvalidArgumentException(argument, new IllegalArgumentException(
                    "a region code is 6, 9 or 12 digits, got \"" + code + "\""));
        }
        return code;
    }
}
