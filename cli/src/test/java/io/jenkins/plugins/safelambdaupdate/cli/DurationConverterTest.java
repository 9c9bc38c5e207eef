package io.jenkins.plugins.safelambdaupdate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DurationConverterTest {
    private final DurationConverter converter = new DurationConverter();

    @Test
    void readsNumbersWithUnits() {
        assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(converter.convert("2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(converter.convert("1m")).isEqualTo(Duration.ofMinutes(1));
        assertThat(converter.convert("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(converter.convert("1m30s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(converter.convert("0")).isZero();
        assertThat(converter.convert("PT0.25S")).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void refusesEverythingElseWithAnExample() {
        for (String bad : new String[] {"", "5", "5x", "-1s", "1.5s", "s", "PT-1S", "1s 2s"}) {
            assertThatThrownBy(() -> converter.convert(bad)).as(bad)
                    .isInstanceOf(CommandLine.TypeConversionException.class)
                    .hasMessageContaining("e.g. 500ms, 2s, 1m");
        }
    }

    @Test
    void formatIsReadBackToTheSameDuration() {
        for (Duration d : new Duration[] {Duration.ZERO, Duration.ofMillis(500), Duration.ofMillis(1500),
                Duration.ofSeconds(2), Duration.ofMinutes(3), Duration.ofHours(1)}) {
            assertThat(converter.convert(DurationConverter.format(d))).isEqualTo(d);
        }
        assertThat(DurationConverter.format(Duration.ofMillis(500))).isEqualTo("500ms");
        assertThat(DurationConverter.format(Duration.ofSeconds(120))).isEqualTo("2m");
    }
}
