package org.terroir.importer.masterdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terroir.model.PseudonymSalt;
import org.terroir.testsupport.ExcelCsv;

/**
 * Master-data CSV files as Excel (zh-CN) saves them: "CSV" in GBK, "CSV UTF-8" with a byte-order
 * mark, CR LF line ends, a line break typed inside a cell (Alt+Enter) as a lone LF, the last line
 * ended too. Households of the halal beef villages of Xiji (Ningxia) and Zhangjiachuan (Gansu).
 */
class ExcelSavedCsvTest {

    private static final PseudonymSalt SALT = PseudonymSalt.fromBase64("dGVycm9pci10ZXN0LXNhbHQtMzItYnl0ZXMtbG9uZyE=");
    private static final Charset GBK = Charset.forName("GBK");
    private static final String HEADER = ExcelCsv.PRODUCERS_HEADER;
    private static final String ZHANG_WEI = "NX-H01,张伟,13900000001,true,640422100201";
    private static final String MA_MING = "GS-H01,马明,13900000002,false,620525100201";

    @TempDir
    Path dir;

    private Path excelCsv(String name, ExcelCsv format, String... lines) throws IOException {
        return format.write(dir.resolve(name), lines);
    }

    private static MasterData read(Path file) {
        return new MasterDataReader(SALT).read(List.of(file));
    }

    private static List<String> names(MasterData data) {
        return data.rows(MasterDataKind.PRODUCERS).stream().map(row -> (String) row.get("name")).toList();
    }

    private static List<String> problems(MasterData data) {
        return data.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void aGbkFileAsChineseExcelSavesItIsReadAsGb18030WithItsNamesIntact() throws IOException {
        Path file = excelCsv("producers.csv", ExcelCsv.GBK, HEADER, ZHANG_WEI, MA_MING);

        MasterData data = read(file);

        assertThat(problems(data)).isEmpty();
        assertThat(names(data)).containsExactly("张伟", "马明");
        assertThat(data.encodings()).singleElement().satisfies(encoding -> {
            assertThat(encoding.charset().name()).isEqualTo("GB18030");
            assertThat(encoding.plainUtf8()).isFalse();
            assertThat(encoding).hasToString("GB18030 (GBK), as the file is not UTF-8");
        });
    }

    @Test
    void aUtf8FileWithAByteOrderMarkIsReadWithoutTheMarkInItsFirstColumnName() throws IOException {
        Path file = excelCsv("producers.csv", ExcelCsv.UTF8_WITH_BOM, HEADER, ZHANG_WEI, MA_MING);

        MasterData data = read(file);

        assertThat(problems(data)).as("no \"household_id: required, but empty\"").isEmpty();
        assertThat(names(data)).containsExactly("张伟", "马明");
        assertThat(data.rows(MasterDataKind.PRODUCERS)).extracting(row -> row.get("villageCode"))
                .containsExactly("640422100201", "620525100201");
        assertThat(data.encodings()).singleElement().hasToString("UTF-8 with a byte-order mark");
    }

    @Test
    void aUtf8FileWithoutAByteOrderMarkIsPlainUtf8() throws IOException {
        Path file = excelCsv("producers.csv", ExcelCsv.UTF8, HEADER, ZHANG_WEI, MA_MING);

        MasterData data = read(file);

        assertThat(names(data)).containsExactly("张伟", "马明");
        assertThat(data.encodings()).singleElement().satisfies(encoding -> assertThat(encoding.plainUtf8()).isTrue());
    }

    @Test
    void aGivenEncodingOverridesDetectionWhenGbkBytesHappenToBeValidUtf8() throws IOException {
        // 郑强 in GBK is D6 A3 C7 BF, which is also UTF-8 (U+05A3 U+01FF): detection cannot tell.
        Path file = excelCsv("producers.csv", ExcelCsv.GBK, HEADER, "NX-H02,郑强,13900000003,false,640422100201");

        MasterData detected = read(file);
        MasterData given = new MasterDataReader(SALT, Optional.of(GBK)).read(List.of(file));

        assertThat(names(detected)).containsExactly("\u05A3\u01FF");
        assertThat(names(given)).containsExactly("郑强");
        assertThat(given.encodings()).singleElement().hasToString("GBK, as given");
    }

    @Test
    void aWrongEncodingGivenIsReportedAtEachCellThatDoesNotDecode() throws IOException {
        Path file = excelCsv("producers.csv", ExcelCsv.GBK, HEADER, ZHANG_WEI, MA_MING);

        MasterData data = new MasterDataReader(SALT, Optional.of(StandardCharsets.UTF_8)).read(List.of(file));

        String reason = "bytes that are not UTF-8 (the encoding given): is the file in another encoding?"
                + " Without --encoding, UTF-8 and GBK are recognised";
        assertThat(problems(data)).containsExactly("producers.csv:2: name: " + reason, "producers.csv:3: name: " + reason);
    }

    @Test
    void bytesThatAreNeitherUtf8NorGbkAreReportedAtTheirCell() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write((HEADER + "\r\n" + ZHANG_WEI + "\r\nGS-H01,马").getBytes(GBK));
        bytes.write(0xFF); // no byte of GBK or GB18030 begins so
        bytes.write(",13900000002,false,620525100201\r\n".getBytes(GBK));
        Path file = Files.write(dir.resolve("producers.csv"), bytes.toByteArray());

        MasterData data = read(file);

        assertThat(problems(data)).containsExactly("producers.csv:3: name: bytes that are neither UTF-8 nor GB18030 (GBK):"
                + " save the sheet as \"CSV UTF-8\", or give its encoding with --encoding");
        assertThat(names(data)).containsExactly("张伟");
    }

    @Test
    void aByteOrderMarkWithAnotherEncodingGivenIsRefusedRatherThanGarbled() throws IOException {
        Path file = excelCsv("producers.csv", ExcelCsv.UTF8_WITH_BOM, HEADER, ZHANG_WEI);

        MasterData data = new MasterDataReader(SALT, Optional.of(GBK)).read(List.of(file));

        assertThat(problems(data)).containsExactly("producers.csv:1: starts with a UTF-8 byte-order mark (Excel's \"CSV UTF-8\"),"
                + " but the encoding GBK was given; leave --encoding out or give UTF-8");
    }

    @Test
    void aNameOf200CharactersIsReportedUnderNameNotPhone() throws IOException {
        Path file = excelCsv("producers.csv", ExcelCsv.GBK, HEADER, ZHANG_WEI,
                "GS-H01," + "马".repeat(200) + ",13900000002,false,620525100201");

        assertThat(problems(read(file))).containsExactly("producers.csv:3: name: ProducerIdentity.name must be 1 to 100 characters"
                + " without control or bidirectional override characters (value withheld: personal data)");
    }

    @Test
    void aBadPhoneIsStillReportedUnderPhone() throws IOException {
        Path file = excelCsv("producers.csv", ExcelCsv.GBK, HEADER, "GS-H01,马明,1390,false,620525100201");

        assertThat(problems(read(file))).containsExactly("producers.csv:2: phone: ProducerIdentity.phone must be 7 to 15 digits,"
                + " optionally a leading + and spaces or hyphens between digits (value withheld: personal data)");
    }

    @Test
    void aPartyNameTooLongIsReportedUnderItsNameColumnNotTheGln() throws IOException {
        Path file = excelCsv("parties.csv", ExcelCsv.GBK, "gln,kind,name_zh,name_en",
                "9520011000024,cooperative," + "西吉县".repeat(67) + ",Xiji beef cooperative");

        assertThat(problems(read(file))).containsExactly("parties.csv:2: name_zh: Party.nameZh must be at most 200 characters, got 201");
    }

    @Test
    void anUnclosedQuoteIsReportedAtTheLineAndCellWhereItOpens() throws IOException {
        Path file = excelCsv("producers.csv", ExcelCsv.GBK, HEADER, ZHANG_WEI,
                "GS-H01,\"马明,13900000002,false,620525100201", "GS-H02,马兰,13900000004,false,620525100201");

        MasterData data = read(file);

        assertThat(problems(data)).containsExactly("producers.csv:3: name: a quote opens this cell and is never closed:"
                + " the rest of the file would be this one cell (a quote inside a quoted cell is written twice: \"\")");
        assertThat(names(data)).as("the lines before it are read").containsExactly("张伟");
    }

    @Test
    void aQuoteThatClosesOnALaterLineIsReportedWhereItsCellOpens() throws IOException {
        Path file = excelCsv("producers.csv", ExcelCsv.GBK, HEADER, ZHANG_WEI,
                "GS-H01,\"马明,13900000002,false,620525100201", "GS-H02,\"马兰\",13900000004,false,620525100201");

        assertThat(problems(read(file))).containsExactly("producers.csv:3: name: the quote opening this cell closes only on line 4,"
                + " and text follows it: is a closing quote missing?");
    }

    @Test
    void textAfterAClosingQuoteIsReportedAtItsCell() throws IOException {
        Path file = excelCsv("producers.csv", ExcelCsv.GBK, HEADER, ZHANG_WEI,
                "GS-H01,马明,13900000002,false,\"620525\"100201");

        assertThat(problems(read(file))).containsExactly("producers.csv:3: village_code: text follows the closing quote of this cell"
                + " (a quote inside a quoted cell is written twice: \"\")");
    }

    @Test
    void aRecordSpanningLinesIsReportedAtItsFirstLineAndTheLinesAfterItKeepTheirNumbers() throws IOException {
        Path file = excelCsv("producers.csv", ExcelCsv.GBK, HEADER,
                "NX-H01,\"张\n伟\",13900000001,true,640422100201", // Alt+Enter in a cell: a lone LF, the cell quoted
                MA_MING,
                "GS-H02,马兰,13900000004,maybe,620525100201");

        assertThat(problems(read(file))).containsExactly(
                "producers.csv:2: name: ProducerIdentity.name must be 1 to 100 characters without control or bidirectional"
                        + " override characters (value withheld: personal data)",
                "producers.csv:5: registered_poor: \"maybe\" is not true or false");
    }

    @Test
    void emptyRowsAndEmptyLinesAreSkippedAndLinesAfterThemKeepTheirNumbers() throws IOException {
        Path file = excelCsv("producers.csv", ExcelCsv.GBK, HEADER, ZHANG_WEI, ",,,,", "", MA_MING,
                "GS-H02,马兰,13900000004,maybe,620525100201", "");

        MasterData data = read(file);

        assertThat(problems(data)).containsExactly("producers.csv:6: registered_poor: \"maybe\" is not true or false");
        assertThat(names(data)).containsExactly("张伟", "马明");
    }

    @Test
    void aValueBeyondTheHeaderIsReportedAtItsCellInsteadOfShiftingTheOthers() throws IOException {
        Path file = excelCsv("producers.csv", ExcelCsv.GBK, HEADER, ZHANG_WEI, "GS-H01,马,明,13900000002,false,620525100201");

        assertThat(problems(read(file))).containsExactly("producers.csv:3: cell 6: a value beyond the header's 5 columns"
                + " (a value holding a comma must be in double quotes)");
    }

    @Test
    void unnamedEmptyColumnsThatExcelKeepsAreIgnored() throws IOException {
        Path file = excelCsv("producers.csv", ExcelCsv.GBK, HEADER + ",,", ZHANG_WEI + ",,", MA_MING + ",,", ",,,,,,");

        MasterData data = read(file);

        assertThat(problems(data)).isEmpty();
        assertThat(names(data)).containsExactly("张伟", "马明");
        assertThat(data.counts()).isEqualTo(Map.of(MasterDataKind.PRODUCERS, 2));
    }
}
