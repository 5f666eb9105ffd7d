package org.terroir.trace.labels;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.terroir.labels.Verdict;
import org.terroir.trace.graphql.UnavailableException;

/** {@code verifyLabel}: the label verifier's verdict against the trust list in force. */
@Controller
class LabelQuery {

    private final TrustedLabels labels;

    LabelQuery(TrustedLabels labels) {
        this.labels = labels;
    }

    @QueryMapping
    Map<String, Object> verifyLabel(@Argument String uri) {
        TrustedLabels.Judgement judgement = labels.verify(uri).orElseThrow(() -> new UnavailableException(
                "this API has no trust list to verify labels with (terroir.trust-list, terroir.trust-roots)"));
        Map<String, Object> answer = new LinkedHashMap<>();
        Verdict verdict = judgement.verdict();
        answer.put("genuine", verdict.isGenuine());
        switch (verdict) {
            case Verdict.Genuine genuine -> {
                answer.put("problem", null);
                answer.put("detail", genuine.toString());
                answer.put("signer", genuine.chain().map(c -> c.signer().name()).orElse(null));
                answer.put("brand", genuine.chain().map(c -> c.brand().name()).orElse(null));
            }
            case Verdict.NotGenuine notGenuine -> {
                answer.put("problem", notGenuine.reason().name());
                answer.put("detail", notGenuine.toString());
                answer.put("signer", null);
                answer.put("brand", null);
            }
        }
        var list = judgement.trustList();
        answer.put("trustList", Map.of("issuer", list.issuer(), "sequenceNumber", list.sequenceNumber().toString(),
                "issuedAt", list.issuedAt().toString(), "nextUpdate", list.nextUpdate().toString(), "stale", judgement.stale()));
        return answer;
    }
}
