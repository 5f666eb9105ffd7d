package org.terroir.trace.graphql;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.terroir.model.BrandKind;
import org.terroir.model.CertificationKind;
import org.terroir.model.LocationKind;
import org.terroir.model.RegionLevel;
import org.terroir.trace.provenance.BatchTrace;
import org.terroir.trace.provenance.Brand;
import org.terroir.trace.provenance.Lists;
import org.terroir.trace.provenance.Location;
import org.terroir.trace.provenance.Page;
import org.terroir.trace.provenance.Party;
import org.terroir.trace.provenance.Producer;
import org.terroir.trace.provenance.Region;
import reactor.core.publisher.Mono;

/**
 * The lists: brands, associations, cooperatives, producers, regions, locations and batches as Relay cursor
 * connections. Page sizes are capped ({@value #MAX_PAGE}); cursors, region codes and times are
 * checked before anything is read, each wrong one a {@code BAD_REQUEST} naming the argument.
 */
@Controller
class ListQueries {

    static final int MAX_PAGE = 100;
    private static final Pattern REGION_CODE = Pattern.compile("\\d{6}|\\d{9}|\\d{12}");

    private final Lists lists;

    ListQueries(Lists lists) {
        this.lists = lists;
    }

    @QueryMapping
    Mono<Page<Brand>> brands(@Argument int first, @Argument String after, @Argument BrandKind kind, @Argument String region) {
        return lists.brands(first(first), after(after), Lists.filter("kind", kind == null ? null : kind.value(),
                "region", region("region", region)));
    }

    @QueryMapping
    Mono<Page<Party>> associations(@Argument int first, @Argument String after, @Argument String region, @Argument String brand) {
        return lists.parties(first(first), after(after), Lists.filter("kind", "Association", "region", region("region", region),
                "brand", brand));
    }

    @QueryMapping
    Mono<Page<Party>> cooperatives(@Argument int first, @Argument String after, @Argument String region, @Argument String brand) {
        return lists.parties(first(first), after(after), Lists.filter("kind", "Cooperative", "region", region("region", region),
                "brand", brand));
    }

    @QueryMapping
    Mono<Page<Producer>> producers(@Argument int first, @Argument String after, @Argument String brand, @Argument String region,
                                   @Argument String cooperative) {
        return lists.producers(first(first), after(after), Lists.filter("brand", brand, "region", region("region", region),
                "cooperative", gln("cooperative", cooperative)));
    }

    @QueryMapping
    Mono<Page<Region>> regions(@Argument int first, @Argument String after, @Argument RegionLevel level, @Argument String within) {
        return lists.regions(first(first), after(after), Lists.filter("level", level == null ? null : level.value(),
                "within", region("within", within)));
    }

    @QueryMapping
    Mono<Page<Location>> locations(@Argument int first, @Argument String after, @Argument LocationKind kind,
                                   @Argument String region) {
        return lists.locations(first(first), after(after), Lists.filter("kind", kind == null ? null : kind.value(),
                "region", region("region", region)));
    }

    @QueryMapping
    Mono<Page<BatchTrace>> batches(@Argument int first, @Argument String after, @Argument String brand, @Argument String region,
                                   @Argument String from, @Argument String until, @Argument CertificationKind certification) {
        return lists.batches(first(first), after(after), Lists.filter("brand", brand, "region", region("region", region),
                "from", time("from", from), "until", time("until", until),
                "certification", certification == null ? null : certification.name()));
    }

    static int first(int first) {
        if (first < 1 || first > MAX_PAGE) {
            throw new InvalidArgumentException("first", new IllegalArgumentException(
                    "a page holds 1 to " + MAX_PAGE + " entries, got " + first));
        }
        return first;
    }

    private static Optional<String> after(String after) {
        if (after == null) {
            return Optional.empty();
        }
        return Optional.of(Page.key(after).orElseThrow(() -> new InvalidArgumentException("after",
                new IllegalArgumentException("\"" + after + "\" is not a cursor of this API: pass an edge's cursor or pageInfo.endCursor"))));
    }

    /** A GLN argument (13 digits, check digit right), or null. */
    static String gln(String argument, String gln) {
        if (gln == null) {
            return null;
        }
        try {
            return org.terroir.model.id.Gln.of(gln).value();
        } catch (IllegalArgumentException e) {
            throw new InvalidArgumentException(argument, e);
        }
    }

    private static String region(String argument, String code) {
        if (code != null && !REGION_CODE.matcher(code).matches()) {
            throw new InvalidArgumentException(argument, new IllegalArgumentException(
                    "a region code is 6, 9 or 12 digits, got \"" + code + "\""));
        }
        return code;
    }

    static String time(String argument, String time) {
        if (time == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(time).toString();
        } catch (DateTimeParseException e) {
            throw new InvalidArgumentException(argument, new IllegalArgumentException(
                    "\"" + time + "\" is not an ISO 8601 date-time with offset, e.g. 2026-01-07T00:00:00+08:00"));
        }
    }
}
