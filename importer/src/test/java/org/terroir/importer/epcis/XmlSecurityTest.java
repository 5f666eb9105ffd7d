package org.terroir.importer.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terroir.importer.epcis.model.ObjectEvent;
import org.terroir.importer.epcis.model.Problem;

class XmlSecurityTest {

    private static final String BODY = """
            <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" schemaVersion="2.0" creationDate="2026-07-22T10:30:00Z">
              <EPCISBody><EventList><ObjectEvent>
                <eventTime>2026-07-22T06:45:00+02:00</eventTime>
                <eventTimeZoneOffset>+02:00</eventTimeZoneOffset>
                <epcList><epc>urn:epc:id:sgtin:9521141.001234.%s</epc></epcList>
                <action>ADD</action>
              </ObjectEvent></EventList></EPCISBody>
            </epcis:EPCISDocument>
            """;

    @Test
    void refusesExternalEntitiesWithoutReadingTheFile(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE d [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + BODY.formatted("&xxe;");

        ReadAll read = read(xml);

        assertThat(read.events()).isEmpty();
        assertThat(read.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("DOCTYPE");
            assertThat(p.reason()).contains("DTDs are refused");
            assertThat(p.toString()).doesNotContain("TOP-SECRET");
        });
    }

    @Test
    void refusesEntityExpansionBillionLaughs() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE d [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>\n");

        ReadAll read = read("<?xml version=\"1.0\"?>\n" + dtd + BODY.formatted("&lol9;"));

        assertThat(read.events()).isEmpty();
        assertThat(read.problems()).extracting(Problem::reason).singleElement().asString().contains("DTDs are refused");
    }

    @Test
    void refusesAnUndeclaredEntityReferenceWithoutDoctype() {
        ReadAll read = read(BODY.formatted("&undeclared;"));

        assertThat(read.events()).isEmpty();
        assertThat(read.problems()).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("document"));
    }

    @Test
    void readsTheSameDocumentWithoutDoctype() {
        ReadAll read = read(BODY.formatted("2017"));

        assertThat(read.problems()).isEmpty();
        assertThat(read.events()).hasSize(1);
    }

    private static ReadAll read(String xml) {
        return ReadAll.of(xml, "attack.xml", EpcisReader.Format.XML);
    }
}
