package io.jenkins.plugins.safelambdaupdate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import java.util.stream.Stream;

/** Bad table names and lease settings are refused by the builder, naming the parameter; nothing can call AWS. */
class DynamoDbLockSettingsTest {

    @Test
    void defaultsFitLambdaDeployments() {
        DynamoDbLockSettings s = DynamoDbLockSettings.builder().tableName("deploy-locks").build();
        assertThat(s.leaseDuration()).isEqualTo(Duration.ofSeconds(20));
        assertThat(s.heartbeatPeriod()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.refreshPeriod()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.ownerName()).startsWith("host ").contains(", process " + ProcessHandle.current().pid());
        assertThat(s.toBuilder().ownerName("build #12 of deploy").build().ownerName()).isEqualTo("build #12 of deploy");
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("lockTable", (UnaryOperator<DynamoDbLockSettings.Builder>) b -> b.tableName(null)),
                Arguments.of("lockTable", (UnaryOperator<DynamoDbLockSettings.Builder>) b -> b.tableName(" ")),
                Arguments.of("lockTable", (UnaryOperator<DynamoDbLockSettings.Builder>) b -> b.tableName("ab")),
                Arguments.of("lockTable", (UnaryOperator<DynamoDbLockSettings.Builder>) b -> b.tableName("my table")),
                Arguments.of("lockTable", (UnaryOperator<DynamoDbLockSettings.Builder>) b -> b.tableName("locks/prod")),
                Arguments.of("lockTable", (UnaryOperator<DynamoDbLockSettings.Builder>) b -> b.tableName("x".repeat(256))),
                Arguments.of("lockLease", (UnaryOperator<DynamoDbLockSettings.Builder>) b -> b.leaseDuration(null)),
                Arguments.of("lockLease", (UnaryOperator<DynamoDbLockSettings.Builder>) b ->
                        b.leaseDuration(Duration.ofMillis(500)).heartbeatPeriod(Duration.ofMillis(100))),
                Arguments.of("lockLease", (UnaryOperator<DynamoDbLockSettings.Builder>) b ->
                        b.leaseDuration(Duration.ofHours(2))),
                Arguments.of("lockHeartbeat", (UnaryOperator<DynamoDbLockSettings.Builder>) b ->
                        b.heartbeatPeriod(Duration.ofSeconds(11))),
                Arguments.of("lockHeartbeat", (UnaryOperator<DynamoDbLockSettings.Builder>) b ->
                        b.heartbeatPeriod(Duration.ofMillis(10))),
                Arguments.of("lockHeartbeat", (UnaryOperator<DynamoDbLockSettings.Builder>) b ->
                        b.heartbeatPeriod(Duration.ofSeconds(-1))),
                Arguments.of("lockRefresh", (UnaryOperator<DynamoDbLockSettings.Builder>) b ->
                        b.refreshPeriod(Duration.ZERO)),
                Arguments.of("lockRefresh", (UnaryOperator<DynamoDbLockSettings.Builder>) b ->
                        b.refreshPeriod(Duration.ofSeconds(21))),
                Arguments.of("lockOwner", (UnaryOperator<DynamoDbLockSettings.Builder>) b -> b.ownerName("")),
                Arguments.of("lockOwner", (UnaryOperator<DynamoDbLockSettings.Builder>) b -> b.ownerName("a\nb")),
                Arguments.of("lockOwner", (UnaryOperator<DynamoDbLockSettings.Builder>) b -> b.ownerName("o".repeat(513))));
    }

    @ParameterizedTest(name = "{0} #{index}")
    @MethodSource("refused")
    void refusedNamingTheParameter(String parameter, UnaryOperator<DynamoDbLockSettings.Builder> change) {
        DynamoDbLockSettings.Builder builder = change.apply(DynamoDbLockSettings.builder().tableName("deploy-locks"));
        assertThatThrownBy(builder::build).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.parameter().engineName()).isEqualTo(parameter)).hasMessageStartingWith(parameter);
    }
}
