package org.terroir.trace.recall;

import graphql.GraphQLContext;
import java.util.Locale;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import org.terroir.model.ShownText;
import org.terroir.model.id.Lgtin;
import org.terroir.trace.access.AuditLog;
import org.terroir.trace.access.Caller;
import org.terroir.trace.graphql.Arguments;
import org.terroir.trace.graphql.ForbiddenFieldException;
import org.terroir.trace.graphql.InvalidArgumentException;
import org.terroir.trace.graphql.NotFoundException;
import reactor.core.publisher.Mono;

/**
 * {@code markRecalled}: a regulator marks a batch recalled. Checked before anything is written: the
 * caller's role, the batch's identifiers, the reason. Audited twice: the {@code Recall} node records
 * who and when, and the {@link AuditLog} says so. Then the recall is captured as an EPCIS event
 * ({@link RecallEvents}), which the query interface shows and subscriptions deliver.
 */
@Controller
class RecallMutation {

    private static final int MAX_REASON = 500;

    private final Recalls recalls;
    private final RecallEvents events;
    private final AuditLog audit;

    RecallMutation(Recalls recalls, RecallEvents events, AuditLog audit) {
        this.recalls = recalls;
        this.events = events;
        this.audit = audit;
    }

    @MutationMapping
    Mono<RecallNotice> markRecalled(@Argument String gtin, @Argument String lot, @Argument String reason, GraphQLContext context) {
        Caller caller = Caller.of(context);
        if (!caller.isRegulator()) {
            throw new ForbiddenFieldException("only a regulator may mark a batch recalled (caller: " + caller.describe() + ")");
        }
        Lgtin batch = Arguments.batch(gtin, lot);
        String why;
        try {
            why = ShownText.prose("reason", reason, MAX_REASON);
        } catch (IllegalArgumentException e) {
            throw new InvalidArgumentException("reason", e);
        }
        String who = caller.subject().orElse("?");
        return recalls.mark(batch.key(), why, who, caller.role().name().toLowerCase(Locale.ROOT))
                .doOnNext(notice -> audit.record(caller, "recall.mark", Map.of("batch", notice.recalledBatch(),
                        "recall", notice.id(), "reason", notice.reason())))
                .flatMap(notice -> events.announce(notice, caller).thenReturn(notice))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("no batch " + batch.key() + " in the graph: nothing recalled")));
    }
}
