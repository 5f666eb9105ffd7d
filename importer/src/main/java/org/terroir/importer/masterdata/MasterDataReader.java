package org.terroir.importer.masterdata;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.terroir.importer.masterdata.MasterData.Target;
import org.terroir.model.Brand;
import org.terroir.model.BrandKind;
import org.terroir.model.Certification;
import org.terroir.model.CertificationKind;
import org.terroir.model.Contribution;
import org.terroir.model.GeoPoint;
import org.terroir.model.Location;
import org.terroir.model.LocationKind;
import org.terroir.model.Party;
import org.terroir.model.PartyKind;
import org.terroir.model.Producer;
import org.terroir.model.ProducerIdentity;
import org.terroir.model.Product;
import org.terroir.model.PseudonymSalt;
import org.terroir.model.Region;
import org.terroir.model.RegionLevel;
import org.terroir.model.id.Gln;
import org.terroir.model.id.Gtin;
import org.terroir.model.id.Lgtin;
import org.terroir.model.id.LotNumber;
import org.terroir.model.id.Sgln;

/**
 * Reads master-data CSV files into {@link MasterData}, validating every cell through the domain
 * records. It never stops at the first problem: every problem of every file is collected, with
 * file, the line its record starts on, and column. Each file is decoded as {@link FileEncoding}
 * says: UTF-8 with or without a byte-order mark, or GB18030 (GBK), detected unless given.
 */
public final class MasterDataReader {

    /**
     * RFC 4180 with a header line. Empty lines are not skipped by the parser but by {@link #readFile},
     * so that the line a record starts on is known; a header may have unnamed columns (Excel writes
     * {@code ,,} for a column once used), whose cells must then be empty.
     */
    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(false).setAllowMissingColumnNames(true).setTrim(true).get();

    private final PseudonymSalt salt;
    private final Optional<Charset> encoding;

    /** A reader that detects each file's encoding: UTF-8, with or without a byte-order mark, or GB18030 (GBK). */
    public MasterDataReader(PseudonymSalt salt) {
        this(salt, Optional.empty());
    }

    /**
     * @param encoding the encoding of every file, overriding detection; empty to detect it per file
     *     (see {@link FileEncoding})
     */
    public MasterDataReader(PseudonymSalt salt, Optional<Charset> encoding) {
        this.salt = salt;
        this.encoding = encoding;
    }

    /** Reads {@code files} (in any order: each is recognised by its header), keeping their rows. */
    public MasterData read(List<Path> files) {
        return read(files, true);
    }

    /**
     * Validates {@code files} as {@link #read} does, keeping only what resolving references needs
     * (defined keys, the first use of each referred key, households' pseudonyms) and counts, not the
     * rows: memory stays small however long the files are. {@link #rows} reads the rows again.
     */
    public MasterData validate(List<Path> files) {
        return read(files, false);
    }

    /**
     * Reads the rows of one kind again from the files {@code validated} found, in order, each in the
     * encoding it was validated in, handing each row to {@code sink}.
     *
     * @throws IllegalStateException if a file no longer reads as it did when validated
     * @throws RuntimeException what {@code sink} throws, as it is (not taken for a file that no longer reads)
     */
    public void rows(MasterData validated, MasterDataKind kind, java.util.function.Consumer<Map<String, Object>> sink) {
        MasterData again = new MasterData(row -> {
            try {
                sink.accept(row);
            } catch (RuntimeException e) {
                throw new SinkFailed(e);
            }
        });
        if (kind == MasterDataKind.CONTRIBUTIONS) {
            again.pseudonymsByHousehold().putAll(validated.pseudonymsByHousehold());
        }
        for (Path file : validated.files(kind)) {
            readFile(kind, validated.encoding(file), again);
        }
        if (!again.problems().isEmpty()) {
            throw new IllegalStateException("master data changed since they were validated: " + again.problems().getFirst());
        }
    }

    private MasterData read(List<Path> files, boolean keepRows) {
        MasterData data = new MasterData(keepRows);
        Map<MasterDataKind, List<FileEncoding>> byKind = new java.util.EnumMap<>(MasterDataKind.class);
        for (Path file : files) {
            encoding(file, data).ifPresent(encoded -> recognise(encoded, data)
                    .ifPresent(kind -> byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(encoded)));
        }
        // Producers before contributions, which refer to households by their id in producers.csv.
        for (var entry : byKind.entrySet()) {
            for (FileEncoding file : entry.getValue()) {
                data.file(entry.getKey(), file);
                readFile(entry.getKey(), file, data);
            }
        }
        return data;
    }

    private Optional<FileEncoding> encoding(Path file, MasterData data) {
        try {
            FileEncoding found = FileEncoding.of(file, encoding);
            data.encoding(found);
            return Optional.of(found);
        } catch (IllegalArgumentException e) {
            data.problem(new Problem(file, 1, "", e.getMessage()));
        } catch (IOException e) {
            data.problem(new Problem(file, 0, "", "cannot read: " + e));
        }
        return Optional.empty();
    }

    private Optional<MasterDataKind> recognise(FileEncoding encoding, MasterData data) {
        Path file = encoding.file();
        try (Reader reader = encoding.open();
                CSVParser parser = FORMAT.parse(reader)) {
            List<String> header = parser.getHeaderNames().stream().filter(name -> !name.isBlank()).toList();
            if (header.stream().anyMatch(name -> name.indexOf(FileEncoding.UNDECODABLE) >= 0)) {
                data.problem(new Problem(file, 1, "", "the header has " + encoding.undecodable()));
                return Optional.empty();
            }
            Optional<MasterDataKind> kind = MasterDataKind.recognise(header);
            if (kind.isEmpty()) {
                data.problem(new Problem(file, 1, "", "header " + header
                        + " is not one of the master-data files (see docs/master-data.md); e.g. regions.csv needs "
                        + MasterDataKind.REGIONS.required()));
            }
            return kind;
        } catch (IOException | IllegalArgumentException e) {
            data.problem(new Problem(file, 1, "", "the header line is not valid CSV: " + e.getMessage()));
            return Optional.empty();
        }
    }

    /**
     * Reads the records of one file, each validated by {@link #readRow}. A problem is reported at the
     * line its record starts on (a quoted cell may hold line breaks); a record that is not valid CSV
     * ends the file's reading, as nothing after it can be trusted to be where it seems.
     */
    private void readFile(MasterDataKind kind, FileEncoding encoding, MasterData data) {
        Path file = encoding.file();
        try (Reader reader = encoding.open();
                CSVParser parser = FORMAT.parse(reader)) {
            List<String> header = parser.getHeaderNames();
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                long line = parser.getCurrentLineNumber() + 1;
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException e) {
                    if (!(e.getCause() instanceof CSVException)) {
                        throw e;
                    }
                    data.problem(BrokenRecord.locate(encoding, header, line, parser.getCurrentLineNumber()));
                    break;
                }
                if (record.stream().allMatch(String::isEmpty)) {
                    continue; // an empty line, or Excel's ",,,," for an empty row
                }
                Optional<Problem> unreadable = unreadable(encoding, header, line, record);
                if (unreadable.isPresent()) {
                    data.problem(unreadable.get());
                    continue;
                }
                Cells cells = new Cells(file, line, record, data);
                try {
                    readRow(kind, cells, data);
                } catch (CellException e) {
                    data.problem(new Problem(file, cells.line, e.column, e.getMessage()));
                }
            }
        } catch (SinkFailed e) {
            throw e.failure();
        } catch (IOException | RuntimeException e) {
            data.problem(new Problem(file, 0, "", "cannot read: " + e.getMessage()));
        }
    }

    /**
     * A record whose cells cannot be taken as they are: a cell holding bytes that did not decode, or
     * a value in a column the header does not name (a comma in a value that is not quoted shifts every
     * cell after it).
     */
    private static Optional<Problem> unreadable(FileEncoding encoding, List<String> header, long line, CSVRecord record) {
        for (int i = 0; i < record.size(); i++) {
            String value = record.get(i);
            if (value.indexOf(FileEncoding.UNDECODABLE) >= 0) {
                return Optional.of(new Problem(encoding.file(), line, BrokenRecord.column(header, i), encoding.undecodable()));
            }
            if (!value.isEmpty() && (i >= header.size() || header.get(i).isBlank())) {
                return Optional.of(new Problem(encoding.file(), line, BrokenRecord.column(header, i),
                        i >= header.size() ? "a value beyond the header's " + header.size()
                                + " columns (a value holding a comma must be in double quotes)" : "a value in a column the header does not name"));
            }
        }
        return Optional.empty();
    }

    /** What the sink of {@link #rows} threw, carried past the catch of the file's own read errors. */
    private static final class SinkFailed extends RuntimeException {
        SinkFailed(RuntimeException failure) {
            super(failure);
        }

        RuntimeException failure() {
            return (RuntimeException) getCause();
        }
    }

    private void readRow(MasterDataKind kind, Cells c, MasterData data) {
        Map<String, Object> row = new LinkedHashMap<>();
        switch (kind) {
            case REGIONS -> {
                Region region = c.valid("code", () -> new Region(c.required("code"),
                        c.valid("level", () -> RegionLevel.fromValue(c.required("level"))),
                        c.required("name_zh"), c.required("name_en")));
                String parent = c.optional("parent_code");
                if (parent != null) {
                    c.valid("parent_code", () -> {
                        RegionLevel parentLevel = RegionLevel.ofCode(parent);
                        region.checkPartOf(new Region(parent, parentLevel, "-", "-"));
                        return parent;
                    });
                    c.refer(Target.REGION, parent, "parent_code");
                }
                row.put("code", region.code());
                row.put("level", region.level().value());
                row.put("nameZh", region.nameZh());
                row.put("nameEn", region.nameEn());
                row.put("parentCode", parent);
                data.define(Target.REGION, region.code());
            }
            case PARTIES -> {
                PartyKind partyKind = c.valid("kind", () -> partyKind(c.required("kind")));
                Party party = c.valid("gln", () -> new Party(Gln.of(c.required("gln")), partyKind,
                        c.required("name_zh"), c.required("name_en")));
                row.put("gln", party.gln().value());
                row.put("kind", partyKind.name().toLowerCase(Locale.ROOT));
                row.put("label", partyKind.label().label());
                row.put("nameZh", party.nameZh());
                row.put("nameEn", party.nameEn());
                row.put("regionCode", c.reference(Target.REGION, "region_code", false));
                data.define(Target.PARTY, party.gln().value());
            }
            case BRANDS -> {
                Brand brand = c.valid("id", () -> new Brand(c.required("id"),
                        c.valid("kind", () -> BrandKind.fromValue(c.required("kind"))),
                        c.required("name_zh"), c.required("name_en"),
                        Optional.ofNullable(c.optional("gi_registration")), Optional.ofNullable(c.optional("story_en"))));
                String storyZh = c.optional("story_zh");
                if (storyZh != null && storyZh.length() > 4000) {
                    throw new CellException("story_zh", "at most 4000 characters, got " + storyZh.length());
                }
                List<String> protectedRegions = new ArrayList<>();
                String codes = c.optional("protected_region_codes");
                if (codes != null) {
                    for (String code : codes.split(";")) {
                        if (!code.isBlank()) {
                            protectedRegions.add(code.strip());
                            c.refer(Target.REGION, code.strip(), "protected_region_codes");
                        }
                    }
                }
                row.put("id", brand.id());
                row.put("kind", brand.kind().value());
                row.put("nameZh", brand.nameZh());
                row.put("nameEn", brand.nameEn());
                row.put("giRegistration", brand.giRegistration().orElse(null));
                row.put("storyEn", brand.story().orElse(null));
                row.put("storyZh", storyZh);
                row.put("ownerGln", c.reference(Target.PARTY, "owner_gln", true));
                row.put("protectedRegionCodes", protectedRegions);
                data.define(Target.BRAND, brand.id());
            }
            case PRODUCTS -> {
                Product product = c.valid("gtin", () -> new Product(Gtin.of(c.required("gtin")),
                        c.required("name_zh"), c.required("name_en")));
                row.put("gtin", product.gtin().value());
                row.put("nameZh", product.nameZh());
                row.put("nameEn", product.nameEn());
                row.put("brandId", c.reference(Target.BRAND, "brand_id", true));
                data.define(Target.PRODUCT, product.gtin().value());
            }
            case LOCATIONS -> {
                String extension = c.optional("extension");
                Sgln sgln = c.valid("gln", () -> extension == null ? Sgln.of(Gln.of(c.required("gln")))
                        : Sgln.of(Gln.of(c.required("gln")), extension));
                Optional<GeoPoint> place = place(c);
                Location location = c.valid("kind", () -> new Location(sgln,
                        LocationKind.fromValue(c.required("kind")), c.required("name_zh"), c.required("name_en"), place));
                row.put("key", location.key());
                row.put("gln", location.gln().value());
                row.put("extension", extension);
                row.put("kind", location.kind().value());
                row.put("nameZh", location.nameZh());
                row.put("nameEn", location.nameEn());
                row.put("regionCode", c.reference(Target.REGION, "region_code", true));
                row.put("operatorGln", c.reference(Target.PARTY, "operator_gln", false));
                row.put("latitude", location.place().map(GeoPoint::latitude).orElse(null));
                row.put("longitude", location.place().map(GeoPoint::longitude).orElse(null));
            }
            case CERTIFICATIONS -> {
                Certification certification = c.valid("id", () -> new Certification(c.required("id"),
                        c.valid("kind", () -> CertificationKind.valueOf(c.required("kind").toUpperCase(Locale.ROOT))),
                        c.required("number"), c.required("issuer"), c.date("valid_from"),
                        Optional.ofNullable(c.optional("valid_until")).map(v -> c.date("valid_until"))));
                String subjectKind = c.required("subject_kind");
                Target target = switch (subjectKind) {
                    case "brand" -> Target.BRAND;
                    case "product" -> Target.PRODUCT;
                    case "party" -> Target.PARTY;
                    default -> throw new CellException("subject_kind", "\"" + subjectKind + "\" is not one of brand, product, party");
                };
                String subject = c.required("subject_id");
                if (target == Target.PRODUCT) {
                    subject = c.valid("subject_id", () -> Gtin.of(c.required("subject_id")).value());
                }
                c.refer(target, subject, "subject_id");
                row.put("id", certification.id());
                row.put("kind", certification.kind().name());
                row.put("number", certification.number());
                row.put("issuer", certification.issuer());
                row.put("validFrom", certification.validFrom().toString());
                row.put("validUntil", certification.validUntil().map(LocalDate::toString).orElse(null));
                row.put("subjectKind", subjectKind);
                row.put("subjectId", subject);
            }
            case PRODUCERS -> {
                String household = c.required("household_id");
                ProducerIdentity identity = c.valid("phone", () -> ProducerIdentity.register(salt,
                        c.required("name"), c.required("phone"), Optional.ofNullable(c.optional("id_number"))));
                boolean poor = c.valid("registered_poor", () -> bool(c.required("registered_poor")));
                Producer producer = new Producer(identity.pseudonym(), poor);
                String village = c.valid("village_code", () -> {
                    String code = c.required("village_code");
                    if (RegionLevel.ofCode(code) != RegionLevel.VILLAGE) {
                        throw new IllegalArgumentException("\"" + code + "\" is not a village code (12 digits)");
                    }
                    return code;
                });
                c.refer(Target.REGION, village, "village_code");
                if (data.pseudonymsByHousehold().putIfAbsent(household, producer.pseudonym()) != null) {
                    throw new CellException("household_id", "\"" + household + "\" appears twice");
                }
                row.put("pseudonym", producer.pseudonym());
                row.put("registeredPoor", producer.registeredPoor());
                row.put("name", identity.name());
                row.put("phone", identity.phone());
                row.put("idNumber", identity.idNumber().orElse(null));
                row.put("villageCode", village);
                row.put("cooperativeGln", c.reference(Target.PARTY, "cooperative_gln", false));
            }
            case CONTRIBUTIONS -> {
                String household = c.required("household_id");
                String pseudonym = data.pseudonymsByHousehold().get(household);
                if (pseudonym == null) {
                    throw new CellException("household_id", "\"" + household + "\" is in no producers.csv of this import");
                }
                Lgtin batch = c.valid("lot", () -> new Lgtin(Gtin.of(c.required("gtin")), LotNumber.of(c.required("lot"))));
                c.refer(Target.PRODUCT, batch.gtin().value(), "gtin");
                BigDecimal quantity = c.valid("quantity", () -> new BigDecimal(c.required("quantity")));
                Contribution contribution = c.valid("quantity", () -> new Contribution(pseudonym, batch, quantity, c.required("unit")));
                row.put("pseudonym", pseudonym);
                row.put("batchKey", contribution.batchKey());
                row.put("gtin", batch.gtin().value());
                row.put("lot", batch.lot().value());
                row.put("quantity", contribution.quantity().doubleValue());
                row.put("unit", contribution.unit());
            }
        }
        data.add(kind, row);
    }

    /** A location's place from its {@code latitude} and {@code longitude} cells: both, or neither. */
    private static Optional<GeoPoint> place(Cells c) {
        String latitude = c.optional("latitude");
        String longitude = c.optional("longitude");
        if (latitude == null && longitude == null) {
            return Optional.empty();
        }
        if (latitude == null || longitude == null) {
            throw new CellException(latitude == null ? "latitude" : "longitude",
                    "required when " + (latitude == null ? "longitude" : "latitude") + " is given (a place needs both, or neither)");
        }
        double lat = c.valid("latitude", () -> GeoPoint.latitude(latitude));
        double lon = c.valid("longitude", () -> GeoPoint.longitude(longitude));
        return Optional.of(new GeoPoint(lat, lon));
    }

    private static PartyKind partyKind(String value) {
        return Arrays.stream(PartyKind.values())
                .filter(k -> k.name().equalsIgnoreCase(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("\"" + value + "\" is not one of "
                        + Arrays.stream(PartyKind.values()).map(k -> k.name().toLowerCase(Locale.ROOT)).toList()));
    }

    private static boolean bool(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException("\"" + value + "\" is not true or false");
        };
    }

    /** A problem with one cell. */
    private static final class CellException extends RuntimeException {
        final String column;

        CellException(String column, String message) {
            super(message, null, false, false);
            this.column = column;
        }
    }

    /** The cells of one record, with the file and line for problems. */
    private static final class Cells {
        /** How a domain record's message begins: its record and field, e.g. {@code ProducerIdentity.name }. */
        private static final java.util.regex.Pattern FIELD = java.util.regex.Pattern.compile("[A-Z][A-Za-z]*\\.([a-z][A-Za-z]*)\\b");
        /** Fields whose column is not simply their name in snake case. */
        private static final Map<String, String> FIELD_COLUMNS = Map.of("story", "story_en", "sgln", "gln");

        final Path file;
        final long line;
        final CSVRecord record;
        final MasterData data;

        Cells(Path file, long line, CSVRecord record, MasterData data) {
            this.file = file;
            this.line = line;
            this.record = record;
            this.data = data;
        }

        String optional(String column) {
            if (!record.isMapped(column) || !record.isSet(column)) {
                return null;
            }
            String value = record.get(column);
            return value.isEmpty() ? null : value;
        }

        String required(String column) {
            String value = optional(column);
            if (value == null) {
                throw new CellException(column, "required, but empty");
            }
            return value;
        }

        LocalDate date(String column) {
            try {
                return LocalDate.parse(required(column));
            } catch (DateTimeParseException e) {
                throw new CellException(column, "\"" + record.get(column) + "\" is not an ISO date (YYYY-MM-DD)");
            }
        }

        /**
         * Runs a validation; an IllegalArgumentException becomes a problem with the column its message
         * names ({@code ProducerIdentity.name must be …} is the {@code name} column, {@code Party.nameZh}
         * the {@code name_zh} one) if this file has it, else with {@code column}: one domain record
         * checks several cells, and a problem must be reported at the cell that has it.
         */
        <T> T valid(String column, java.util.function.Supplier<T> validation) {
            try {
                return validation.get();
            } catch (CellException e) {
                throw e;
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new CellException(columnNamedBy(e.getMessage()).orElse(column), e.getMessage());
            }
        }

        /** The column of this file a domain message names by its field ({@code Record.field must …}). */
        private Optional<String> columnNamedBy(String message) {
            java.util.regex.Matcher field = message == null ? null : FIELD.matcher(message);
            if (field == null || !field.lookingAt()) {
                return Optional.empty();
            }
            String name = FIELD_COLUMNS.getOrDefault(field.group(1),
                    field.group(1).replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT));
            return record.isMapped(name) ? Optional.of(name) : Optional.empty();
        }

        void refer(Target target, String key, String column) {
            data.refer(target, key, file, line, column);
        }

        /** A reference column: validated as a GLN or region code, recorded to be resolved. */
        String reference(Target target, String column, boolean required) {
            String value = required ? required(column) : optional(column);
            if (value == null) {
                return null;
            }
            String key = switch (target) {
                case PARTY -> valid(column, () -> Gln.of(value).value());
                case REGION -> valid(column, () -> {
                    RegionLevel.ofCode(value);
                    return value;
                });
                default -> value;
            };
            refer(target, key, column);
            return key;
        }
    }
}
