package org.terroir.trace.trace;

import java.util.List;
import org.neo4j.driver.Value;

/**
 * A producer household as the producers list shows it: by pseudonym. Whether it is a registered
 * poor household, and who it is, are personal fields the API shows only to a regulator and to the
 * associations that own a brand it contributed to ({@code brandOwners}).
 *
 * @param pseudonym      {@code P-} and 12 Base32 characters
 * @param registeredPoor whether it is a registered poor household
 * @param village        where it lives, if recorded
 * @param cooperatives   the cooperatives it is a member of, by GLN
 * @param brands         the ids of the brands it contributed to
 * @param brandOwners    the GLNs of the associations that own those brands
 */
public record Producer(String pseudonym, Boolean registeredPoor, Region village, List<Party> cooperatives, List<String> brands,
                       List<String> brandOwners) {

    public Producer {
        cooperatives = List.copyOf(cooperatives);
        brands = List.copyOf(brands);
        brandOwners = List.copyOf(brandOwners);
    }

    /** The household of a {@code list.producers} node. */
    public static Producer from(Value node) {
        Value poor = node.get("registeredPoor");
        return new Producer(node.get("pseudonym").asString(), poor.isNull() ? null : poor.asBoolean(),
                Region.from(node.get("village")), node.get("cooperatives").asList(Party::from),
                node.get("brands").asList(Value::asString), node.get("brandOwners").asList(Value::asString));
    }
}
