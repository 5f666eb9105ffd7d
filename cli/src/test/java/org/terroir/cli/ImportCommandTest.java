package org.terroir.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code terroir import}'s options, parsed without a graph. */
class ImportCommandTest {

    @Test
    void theEncodingOfTheCsvFilesIsDetectedUnlessOneIsGiven() {
        ImportCommand given = CommandLine.populateCommand(new ImportCommand(), "--encoding", "GBK", "producers.csv");
        ImportCommand detected = CommandLine.populateCommand(new ImportCommand(), "producers.csv");

        assertThat(given.encoding).isEqualTo(Charset.forName("GBK"));
        assertThat(detected.encoding).isNull();
    }

    @Test
    void anUnknownEncodingIsAUsageErrorNamingIt() {
        assertThatThrownBy(() -> CommandLine.populateCommand(new ImportCommand(), "--encoding", "GB-NONE", "producers.csv"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("--encoding").hasMessageContaining("GB-NONE");
    }
}
