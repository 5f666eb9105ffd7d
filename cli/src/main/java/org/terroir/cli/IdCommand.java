package org.terroir.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.terroir.model.id.EpcIdentifier;
import org.terroir.model.id.Gln;
import org.terroir.model.id.Gtin;
import org.terroir.model.id.InvalidIdentifierException;
import org.terroir.model.id.LotNumber;
import org.terroir.model.id.SerialNumber;
import org.terroir.model.id.Sgln;
import org.terroir.model.id.Sscc;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code terroir id}: checks GS1 identifiers and converts between their forms. No database. */
@Command(name = "id", header = "Checks GS1 identifiers and converts EPC URN <-> Digital Link.", mixinStandardHelpOptions = true,
        description = {"Checks GS1 identifiers and converts them: EPC URN <-> GS1 Digital Link, and the graph key.",
            "",
            "Accepts EPC URNs (urn:epc:id:sgtin:..., urn:epc:class:lgtin:..., sgln, sscc) and Digital Link URIs",
            "(https://host/01/{gtin}/21/{serial}, /10/{lot}, /414/{gln}, /00/{sscc}); with --as, a bare GTIN, GLN,",
            "SSCC, lot or serial. Each invalid value is reported with the rule it breaks (exit code 2)."})
final class IdCommand implements Callable<Integer> {

    enum Kind { epc, gtin, gln, sscc, lot, serial }

    @Parameters(paramLabel = "VALUE", arity = "1..*", description = "Identifiers to check.")
    List<String> values;

    @Option(names = "--as", paramLabel = "KIND", defaultValue = "epc",
            description = "What the values are: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: an EPC URN or a Digital Link).")
    Kind kind;

    @Option(names = "--resolver", paramLabel = "URI", defaultValue = EpcIdentifier.GS1_RESOLVER,
            description = "Base of the Digital Links printed (default: ${DEFAULT-VALUE}).")
    String resolver;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int invalid = 0;
        for (String value : values) {
            try {
                describe(value, out);
            } catch (InvalidIdentifierException e) {
                err.println("terroir: invalid: " + e.getMessage());
                invalid++;
            }
        }
        out.flush();
        return invalid == 0 ? Terroir.OK : Terroir.USAGE;
    }

    private void describe(String value, PrintWriter out) {
        switch (kind) {
            case epc -> describe(EpcIdentifier.parse(value), out);
            case gtin -> describe(Gtin.of(value), out);
            case sscc -> describe(Sscc.of(value), out);
            case gln -> describe(Sgln.of(Gln.of(value)), out);
            case lot -> out.printf("lot (AI 10) %s: valid%n", LotNumber.of(value).value());
            case serial -> out.printf("serial (AI 21) %s: valid%n", SerialNumber.of(value).value());
        }
    }

    private void describe(EpcIdentifier id, PrintWriter out) {
        out.printf("%s%n  key:          %s%n  EPC URN:      %s%n  Digital Link: %s%n",
                id.getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT), id.key(), epcUrn(id),
                id.toDigitalLink(resolver));
    }

    private static String epcUrn(EpcIdentifier id) {
        try {
            return id.toEpcUrn();
        } catch (InvalidIdentifierException e) {
            return "(" + e.rule() + ")";
        }
    }
}
