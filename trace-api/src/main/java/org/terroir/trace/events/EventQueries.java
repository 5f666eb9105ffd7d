package org.terroir.trace.events;

import graphql.GraphQLContext;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.pagination.Subrange;
import org.springframework.stereotype.Controller;
import org.terroir.model.Cbv;
import org.terroir.model.EventType;
import org.terroir.model.id.EpcIdentifier;
import org.terroir.model.id.Lgtin;
import org.terroir.model.id.Sgln;
import org.terroir.model.id.Sgtin;
import org.terroir.model.id.Sscc;
import org.terroir.trace.access.Caller;
import org.terroir.trace.access.Role;
import org.terroir.trace.graphql.Arguments;
import org.terroir.trace.graphql.ForbiddenFieldException;
import org.terroir.trace.graphql.InvalidArgumentException;
import org.terroir.trace.graphql.Page;
import org.terroir.trace.graphql.TimePosition;
import reactor.core.publisher.Mono;

/**
 * The EPCIS event queries ({@code events}) and the carrier's view ({@code carriedHops}). Who may
 * ask is decided before anything is read; what each caller sees is part of the statement
 * (an association: its brands' goods; a carrier: its own hops). Arguments are checked first, each
 * wrong one a {@code BAD_REQUEST} naming it.
 */
@Controller
class EventQueries {

    private final Events events;

    EventQueries(Events events) {
        this.events = events;
    }

    @QueryMapping
    Mono<Page<RecordedEvent>> events(Subrange<String> page, @Argument String identifier,
                                     @Argument String bizStep, @Argument String location, @Argument EventType type,
                                     @Argument String from, @Argument String until, GraphQLContext context) {
        Caller caller = Caller.of(context);
        if (caller.role() == Role.PUBLIC) {
            throw new ForbiddenFieldException("Query.events is for regulators and for the parties that hand in events "
                    + "(a token of one of those roles); a consumer traces a product with trace or traceLink (caller: "
                    + caller.describe() + ")");
        }
        Events.Query query = new Events.Query(object(identifier), location(location), bizStep(bizStep),
                type == null ? null : type.value(), Arguments.time("from", from), Arguments.time("until", until),
                Events.view(caller));
        return events.events(query, Arguments.first(page), page.position().map(TimePosition::of));
    }

    @QueryMapping
    Mono<Page<CarriedHop>> carriedHops(@Argument String carrier, Subrange<String> page,
                                       @Argument String from, @Argument String until, GraphQLContext context) {
        Caller caller = Caller.of(context);
        String gln = Arguments.gln("carrier", carrier);
        String whose = switch (caller.role()) {
            case LOGISTICS -> {
                if (gln != null && !caller.speaksFor(gln)) {
                    throw new ForbiddenFieldException("Query.carriedHops: a logistics operator sees its own hops only, not "
                            + "those of carrier " + gln + " (caller: " + caller.describe() + ")");
                }
                yield gln != null ? gln : caller.parties().iterator().next();
            }
            case REGULATOR -> {
                if (gln == null) {
                    throw new InvalidArgumentException("carrier", new IllegalArgumentException(
                            "a regulator names the carrier (its GLN) whose hops to list"));
                }
                yield gln;
            }
            case PUBLIC, ASSOCIATION, ENTERPRISE, STATION -> throw new ForbiddenFieldException("Query.carriedHops is for the carrier itself "
                    + "(a logistics token) and regulators (caller: " + caller.describe() + ")");
        };
        return events.carriedHops(whose, Arguments.time("from", from), Arguments.time("until", until),
                Arguments.first(page), page.position().map(TimePosition::of));
    }

    /** The key of the batch, item or container an identifier names. */
    private static String object(String identifier) {
        if (identifier == null) {
            return null;
        }
        EpcIdentifier parsed = parse("identifier", identifier);
        if (parsed instanceof Lgtin || parsed instanceof Sgtin || parsed instanceof Sscc) {
            return parsed.key();
        }
        throw new InvalidArgumentException("identifier", new IllegalArgumentException("\"" + identifier
                + "\" is not a batch (GTIN + lot), an item (GTIN + serial) or a container (SSCC); for a location use location"));
    }

    /** The key of the location an SGLN, a location's Digital Link or a GLN names. */
    private static String location(String location) {
        if (location == null) {
            return null;
        }
        if (location.matches("\\d{13}")) {
            return "414/" + Arguments.gln("location", location);
        }
        if (parse("location", location) instanceof Sgln sgln) {
            return sgln.key();
        }
        throw new InvalidArgumentException("location", new IllegalArgumentException("\"" + location
                + "\" is not a location: give an SGLN URN (urn:epc:id:sgln:…), a Digital Link with AI 414, or a 13-digit GLN"));
    }

    private static EpcIdentifier parse(String argument, String value) {
        try {
            return EpcIdentifier.parse(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidArgumentException(argument, e);
        }
    }

    private static String bizStep(String bizStep) {
        try {
            return bizStep == null ? null : Cbv.bizStep("bizStep", bizStep);
        } catch (IllegalArgumentException e) {
            throw new InvalidArgumentException("bizStep", e);
        }
    }
}
