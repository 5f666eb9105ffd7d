package org.terroir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terroir.trace.access.TokenKeys;

/** {@code terroir tokens create-key} and {@code issue}: the key files, and tokens that verify with the public key. */
class TokensCommandTest {

    @TempDir
    Path dataDir;

    private TerroirTest.Run createKey() {
        TerroirTest.Run run = TerroirTest.run("tokens", "create-key", "--data-dir", dataDir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    @Test
    void createKeyWritesAnOwnerOnlyPrivateKeyAndAPublicKeyAndNeverOverwrites() throws Exception {
        TerroirTest.Run run = createKey();
        Path folder = dataDir.resolve("tokens");
        assertThat(run.out()).contains("terroir.tokens.public-key=" + folder.resolve("token.pub.pem").toAbsolutePath());
        assertThat(Files.getPosixFilePermissions(folder.resolve("token.key.pem")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(TokenKeys.readPublic(folder.resolve("token.pub.pem"))).hasSize(1);
        String before = Files.readString(folder.resolve("token.key.pem"));

        TerroirTest.Run again = TerroirTest.run("tokens", "create-key", "--data-dir", dataDir.toString());
        assertThat(again.exitCode()).isNotZero();
        assertThat(again.err()).contains("exists already");
        assertThat(Files.readString(folder.resolve("token.key.pem"))).isEqualTo(before);
    }

    @Test
    void issuePrintsATokenSignedByTheKeyNamingRoleAndAssociation() throws Exception {
        createKey();
        TerroirTest.Run run = TerroirTest.run("tokens", "issue", "--role", "association", "--association", "9520011000017",
                "--subject", "alice", "--hours", "2", "--data-dir", dataDir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        SignedJWT jwt = SignedJWT.parse(run.out().strip());
        var publicKey = TokenKeys.readPublic(dataDir.resolve("tokens/token.pub.pem")).getFirst();
        assertThat(jwt.verify(new ECDSAVerifier(publicKey))).isTrue();
        var claims = jwt.getJWTClaimsSet();
        assertThat(claims.getStringClaim("role")).isEqualTo("association");
        assertThat(claims.getStringClaim("party")).isEqualTo("9520011000017");
        assertThat(claims.getSubject()).isEqualTo("alice");
        assertThat(claims.getAudience()).containsExactly("terroir-trace-api");
        assertThat(claims.getIssuer()).isEqualTo("terroir");
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofHours(2));
        assertThat(claims.getIssueTime().toInstant()).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
    }

    @Test
    void issueNamesTheStationOrEnterpriseOfTheRolesThatHandInEvents() throws Exception {
        createKey();
        for (String[] role : new String[][] {{"station", "--station", "9520090011010"}, {"enterprise", "--enterprise", "9520011000024"},
                {"logistics", "--carrier", "9520099000015"}}) {
            TerroirTest.Run run = TerroirTest.run("tokens", "issue", "--role", role[0], role[1], role[2], "--data-dir", dataDir.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            var claims = SignedJWT.parse(run.out().strip()).getJWTClaimsSet();
            assertThat(claims.getStringClaim("role")).isEqualTo(role[0]);
            assertThat(claims.getStringClaim("party")).isEqualTo(role[2]);
            assertThat(claims.getSubject()).isEqualTo(role[0] + "-" + role[2]);
        }
        assertUsageError(TerroirTest.run("tokens", "issue", "--role", "enterprise", "--station", "9520090011010",
                "--data-dir", dataDir.toString()), "--station goes with --role station");
        assertUsageError(TerroirTest.run("tokens", "issue", "--role", "station", "--data-dir", dataDir.toString()),
                "must name its party (claim 'party': the GLN of the station's location)");
    }

    @Test
    void issueRefusesWhatTheApiWouldRefuse() {
        createKey();
        String dir = dataDir.toString();
        assertUsageError(TerroirTest.run("tokens", "issue", "--role", "association", "--data-dir", dir), "must name its party");
        assertUsageError(TerroirTest.run("tokens", "issue", "--role", "regulator", "--association", "9520011000017",
                "--data-dir", dir), "--association goes with --role association");
        assertUsageError(TerroirTest.run("tokens", "issue", "--role", "association", "--association", "9520011000018",
                "--data-dir", dir), "not a GLN");
        assertUsageError(TerroirTest.run("tokens", "issue", "--role", "admin", "--data-dir", dir), "unknown role 'admin'");
        assertUsageError(TerroirTest.run("tokens", "issue", "--role", "logistics", "--carrier", "9520099000015",
                "--association", "9520011000017", "--data-dir", dir), "mutually exclusive");
    }

    @Test
    void issueWithoutAKeySaysHowToMakeOne() {
        TerroirTest.Run run = TerroirTest.run("tokens", "issue", "--role", "regulator", "--data-dir", dataDir.toString());
        assertUsageError(run, "make one with 'terroir tokens create-key'");
    }

    private static void assertUsageError(TerroirTest.Run run, String message) {
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err()).contains(message);
        assertThat(run.err()).doesNotContain("\tat ");
    }
}
