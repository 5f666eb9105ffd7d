package org.terroir.trace.scans;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;
import org.terroir.labels.DigitalLink;
import org.terroir.labels.Verdict;
import org.terroir.model.id.Lgtin;
import org.terroir.trace.labels.TrustedLabels;
import org.terroir.trace.neo4j.GraphReader;
import reactor.core.publisher.Mono;

/**
 * Checks a scanned link: one statement for what the graph holds of its identifiers
 * ({@code resolve.link}), and the label's signature against the trust list (memory only).
 */
@Component
record LinkChecker(GraphReader graph, TrustedLabels labels) {

    Mono<LinkCheck> check(DigitalLink link, String uri) {
        String batch = link.lot().map(lot -> new Lgtin(link.gtin(), lot).key()).orElse(null);
        String item = link.item().map(i -> i.key()).orElse(null);
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("gtin", link.gtin().value());
        parameters.put("batch", batch);
        parameters.put("item", item);
        return graph.read(ScanStatements.RESOLVE_LINK, parameters).next().map(row -> {
            Value product = row.get("product");
            LinkCheck.Product known = product.isNull() ? null : new LinkCheck.Product(product.get("gtin").asString(),
                    text(product.get("nameZh")), text(product.get("nameEn")));
            boolean batchKnown = row.get("batchKnown").asBoolean();
            boolean itemKnown = row.get("itemKnown").asBoolean();
            Authenticity authenticity = authenticity(link, uri, batch, batchKnown, itemKnown, row);
            return new LinkCheck(link, uri, known, batchKnown, itemKnown, row.get("certified").asBoolean(), authenticity,
                    row.get("flags").asList(Value::asString));
        });
    }

    private Authenticity authenticity(DigitalLink link, String uri, String batch, boolean batchKnown, boolean itemKnown,
            Record row) {
        if (link.serial().isEmpty()) {
            if (link.lot().isEmpty()) {
                return new Authenticity.Unverified(Authenticity.Why.PRODUCT_LINK);
            }
            return batchKnown ? new Authenticity.Unverified(Authenticity.Why.LOT_LINK)
                    : new Authenticity.NotGenuine(Authenticity.Problem.UNKNOWN_LOT,
                            "no lot " + link.lot().get().value() + " of GTIN " + link.gtin().value() + " was ever recorded");
        }
        // The signature first: an altered label is "tampered" whatever the graph holds of the altered values.
        Optional<TrustedLabels.Judgement> judgement = labels.verify(uri);
        if (judgement.isPresent() && judgement.get().verdict() instanceof Verdict.NotGenuine notGenuine) {
            return new Authenticity.NotGenuine(Authenticity.Problem.of(notGenuine.reason()), notGenuine.detail());
        }
        if (!itemKnown) {
            return new Authenticity.NotGenuine(Authenticity.Problem.UNKNOWN_SERIAL, "no unit with serial "
                    + link.serial().get().value() + " of GTIN " + link.gtin().value() + " was ever recorded");
        }
        Value itemBatch = row.get("itemBatch");
        if (batch != null && !itemBatch.isNull() && !itemBatch.asString().equals(batch)) {
            return new Authenticity.NotGenuine(Authenticity.Problem.LOT_MISMATCH, "unit " + link.serial().get().value()
                    + " belongs to " + itemBatch.asString() + ", not to lot " + link.lot().get().value());
        }
        if (judgement.isEmpty()) {
            return new Authenticity.Unverified(Authenticity.Why.NO_TRUST_LIST);
        }
        Verdict.Genuine genuine = (Verdict.Genuine) judgement.get().verdict();
        return new Authenticity.Genuine(genuine.chain().map(c -> c.signer().name()),
                genuine.chain().map(c -> c.brand().name()), judgement.get().stale());
    }

    private static String text(Value value) {
        return value.isNull() ? null : value.asString();
    }
}
