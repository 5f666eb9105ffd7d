package org.terroir.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.terroir.labels.DigitalLink;
import org.terroir.labels.Revocation;
import org.terroir.model.id.Gtin;
import org.terroir.model.id.LotNumber;
import org.terroir.model.id.SerialNumber;

/**
 * {@code verifyLabel} against a trust list made for the test: a genuine label, an altered one, and
 * the list replaced on disk by one that revokes the signer, which the API picks up by itself. A
 * broken replacement leaves the good list in force.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VerifyLabelIT extends DemoApiTestBase {

    private static final TestTrust TRUST = new TestTrust();

    @DynamicPropertySource
    static void trust(DynamicPropertyRegistry registry) {
        TRUST.register(registry, "200ms");
    }

    private static final String LABEL = TRUST.sign(DigitalLink.of("https://id.example.cn",
            Gtin.of("09520011001021"), LotNumber.of("LC2601"), SerialNumber.of("LC2601-0001")).withProductionDate("260107"));

    private static final String VERIFY = """
            query v($uri: String!) {
              verifyLabel(uri: $uri) { genuine problem detail signer brand trustList { issuer sequenceNumber stale } }
            }""";

    private HttpGraphQlTester.Response verify(String uri) {
        return graphQl.document(VERIFY).variable("uri", uri).execute();
    }

    @Test
    @Order(1)
    void aSignedLabelIsGenuineAndSaysWhoSignedIt() {
        var response = verify(LABEL);
        response.errors().verify();
        response.path("verifyLabel.genuine").entity(Boolean.class).isEqualTo(true);
        response.path("verifyLabel.problem").valueIsNull();
        response.path("verifyLabel.signer").entity(String.class).isEqualTo("Liancheng Processing Plant");
        response.path("verifyLabel.brand").entity(String.class).isEqualTo("Liancheng Dried Sweet Potato Association");
        response.path("verifyLabel.trustList.sequenceNumber").entity(String.class).isEqualTo("1");
        response.path("verifyLabel.trustList.stale").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    @Order(2)
    void oneCharacterChangedInTheSerialIsTampered() {
        String altered = LABEL.replace("LC2601-0001", "LC2601-0007");
        assertThat(altered).isNotEqualTo(LABEL);
        verify(altered).path("verifyLabel.problem").entity(String.class).isEqualTo("TAMPERED");
        verify("https://id.example.cn/01/09520011001021/10/LC2601").path("verifyLabel.problem").entity(String.class)
                .isEqualTo("MALFORMED");
    }

    @Test
    @Order(3)
    void aNewTrustListRevokingTheSignerIsPickedUpAndABrokenOneIsIgnored() throws IOException {
        TRUST.replaceTrustList(TRUST.list(BigInteger.TWO, List.of(Revocation.of(TRUST.signer, TestTrust.START, Revocation.Reason.KEY_COMPROMISE))));
        Awaitility.await().ignoreExceptions().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                verify(LABEL).path("verifyLabel.problem").entity(String.class).isEqualTo("REVOKED"));
        verify(LABEL).path("verifyLabel.trustList.sequenceNumber").entity(String.class).isEqualTo("2");

        // Neither a broken list nor one with an older sequence number replaces the list in force.
        for (String replacement : List.of("-----BEGIN TRUST LIST-----\nbroken\n-----END TRUST LIST-----\n",
                TRUST.list(BigInteger.ONE, List.of()))) {
            TRUST.replaceTrustList(replacement);
            Awaitility.await().ignoreExceptions().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                var response = verify(LABEL);
                response.path("verifyLabel.trustList.sequenceNumber").entity(String.class).isEqualTo("2");
                response.path("verifyLabel.problem").entity(String.class).isEqualTo("REVOKED");
            });
        }
    }
}
