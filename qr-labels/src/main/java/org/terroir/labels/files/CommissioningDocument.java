package org.terroir.labels.files;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.terroir.labels.LabelCertificate;
import org.terroir.model.id.CompanyPrefixLengths;
import org.terroir.model.id.Gln;
import org.terroir.model.id.Gtin;
import org.terroir.model.id.LotNumber;
import org.terroir.model.id.SerialNumber;
import org.terroir.model.id.Sgln;
import org.terroir.model.id.Sgtin;

/**
 * The EPCIS 2.0 JSON-LD document written beside issued labels: one ObjectEvent, action ADD,
 * bizStep commissioning, disposition active, the serials' SGTINs in its epcList, the lot in its
 * ILMD ({@code cbvmda:lotNumber}), the label date as its event time (start of that day in the
 * zone given), and the location, if any, as read point and business location. Identifiers are EPC
 * URNs when the company prefix length is known (the signer's certificate prefixes, or the built-in
 * table), else GS1 Digital Links on {@code id.gs1.org}; {@code terroir import} reads both.
 */
public record CommissioningDocument(Gtin gtin, LotNumber lot, List<Sgtin> items, LocalDate date, ZoneId zone,
        Optional<Gln> location, CompanyPrefixLengths lengths) {

    /**
     * The commissioning of the {@code serials} of a lot whose labels {@code signer} signs: EPC URNs
     * where the signer's certificate or the built-in table knows the company prefix's length.
     */
    public static CommissioningDocument of(Gtin gtin, LotNumber lot, List<SerialNumber> serials, LocalDate date, ZoneId zone,
            Optional<Gln> location, LabelCertificate signer) {
        List<Sgtin> items = serials.stream().map(s -> new Sgtin(gtin, s)).toList();
        CompanyPrefixLengths.Table lengths = CompanyPrefixLengths.defaults();
        for (String prefix : signer.companyPrefixes()) {
            lengths = lengths.withPrefix(prefix, prefix.length());
        }
        return new CommissioningDocument(gtin, lot, items, date, zone, location, lengths);
    }

    /** The document, created at {@code created}. */
    public String toJson(OffsetDateTime created) {
        OffsetDateTime eventTime = date.atStartOfDay(zone).toOffsetDateTime();
        String offset = eventTime.getOffset().equals(ZoneOffset.UTC) ? "+00:00" : eventTime.getOffset().getId();
        StringBuilder json = new StringBuilder(256 + items.size() * 48);
        json.append("{\n  \"@context\": [\"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld\",")
                .append(" {\"cbvmda\": \"urn:epcglobal:cbv:mda:\"}],\n")
                .append("  \"type\": \"EPCISDocument\",\n  \"schemaVersion\": \"2.0\",\n")
                .append("  \"creationDate\": ").append(string(created.truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)))
                .append(",\n  \"epcisBody\": {\n    \"eventList\": [\n      {\n")
                .append("        \"type\": \"ObjectEvent\",\n")
                .append("        \"eventTime\": ").append(string(eventTime.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))).append(",\n")
                .append("        \"eventTimeZoneOffset\": ").append(string(offset)).append(",\n")
                .append("        \"epcList\": [");
        for (int i = 0; i < items.size(); i++) {
            json.append(i == 0 ? "\n" : ",\n").append("          ").append(string(epc(items.get(i))));
        }
        json.append("\n        ],\n        \"action\": \"ADD\",\n        \"bizStep\": \"commissioning\",\n")
                .append("        \"disposition\": \"active\",\n");
        location.ifPresent(gln -> {
            String id = string(location(gln));
            json.append("        \"readPoint\": {\"id\": ").append(id).append("},\n")
                    .append("        \"bizLocation\": {\"id\": ").append(id).append("},\n");
        });
        json.append("        \"ilmd\": {\"cbvmda:lotNumber\": ").append(string(lot.value())).append("}\n")
                .append("      }\n    ]\n  }\n}\n");
        return json.toString();
    }

    private String epc(Sgtin item) {
        try {
            return item.toEpcUrn(lengths);
        } catch (IllegalArgumentException e) {
            return item.toDigitalLink();
        }
    }

    private String location(Gln gln) {
        Sgln sgln = Sgln.of(gln);
        try {
            return sgln.toEpcUrn(lengths);
        } catch (IllegalArgumentException e) {
            return sgln.toDigitalLink();
        }
    }

    /** A JSON string literal. */
    static String string(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
