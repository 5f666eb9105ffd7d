package org.terroir.trace.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import graphql.GraphQLContext;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTest {

    @Test
    void anAssociationOrCarrierCallerMustNameItsParty() {
        assertThatThrownBy(() -> new Caller(Role.ASSOCIATION, Optional.of("a"), Set.of()))
                .hasMessageContaining("ASSOCIATION must name the party");
        assertThatThrownBy(() -> new Caller(Role.LOGISTICS, Optional.of("c"), Set.of()))
                .hasMessageContaining("LOGISTICS must name the party");
    }

    @Test
    void thePublicAndRegulatorsSpeakForNoParty() {
        assertThatThrownBy(() -> new Caller(Role.REGULATOR, Optional.of("r"), Set.of("9520001000041")))
                .hasMessageContaining("speaks for no party");
        assertThat(Caller.PUBLIC.speaksFor("9520001000041")).isFalse();
    }

    @Test
    void anAssociationSpeaksForItsOwnGlnOnly() {
        Caller association = new Caller(Role.ASSOCIATION, Optional.of("lc"), Set.of("9520011000019"));
        assertThat(association.speaksFor("9520011000019")).isTrue();
        assertThat(association.speaksFor("9520012000018")).isFalse();
        assertThat(association.isRegulator()).isFalse();
    }

    @Test
    void aRequestWithoutACallerIsPublic() {
        assertThat(Caller.of(GraphQLContext.newContext().build())).isEqualTo(Caller.PUBLIC);
        Caller regulator = new Caller(Role.REGULATOR, Optional.of("r"), Set.of());
        assertThat(Caller.of(GraphQLContext.of(Map.of(Caller.CONTEXT_KEY, regulator)))).isEqualTo(regulator);
    }
}
