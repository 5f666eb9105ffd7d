package org.terroir.model;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.terroir.model.graph.NodeLabel;

/** What a {@link Party} is: a closed set, each written as a second label beside {@code Party}. */
public enum PartyKind {

    /** A farmers' cooperative: collects, grades, processes and packs members' produce into batches. */
    COOPERATIVE(NodeLabel.COOPERATIVE),
    /** A leading enterprise: a processor or e-commerce company that buys from cooperatives and sells online. */
    ENTERPRISE(NodeLabel.ENTERPRISE),
    /** An industry association: owns a regional or GI brand, admits members, sets standards. */
    ASSOCIATION(NodeLabel.ASSOCIATION),
    /** An express or logistics carrier. */
    CARRIER(NodeLabel.CARRIER),
    /** A regulator: market supervision or agriculture bureau. */
    REGULATOR(NodeLabel.REGULATOR);

    private final NodeLabel label;

    PartyKind(NodeLabel label) {
        this.label = label;
    }

    /** The label written beside {@code Party}, e.g. {@code Cooperative}. */
    public NodeLabel label() {
        return label;
    }

    /** The kind a label denotes, e.g. {@code Cooperative}. */
    public static PartyKind fromLabel(String label) {
        Check.present("PartyKind", label);
        return Arrays.stream(values()).filter(k -> k.label.label().equals(label)).findFirst()
                .orElseThrow(() -> Check.invalid("PartyKind", label, "one of "
                        + Arrays.stream(values()).map(k -> k.label.label()).collect(Collectors.joining(", "))));
    }
}
