package io.jenkins.plugins.safelambdaupdate.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FunctionRefTest {
    private static final AccountScope SCOPE = new AccountScope("us-east-1", "123456789012");

    @Test
    void readsEveryFormAwsAccepts() {
        assertThat(FunctionRef.parse("orders", SCOPE)).isEqualTo(new FunctionRef("123456789012", "orders", null));
        assertThat(FunctionRef.parse("orders:live", SCOPE)).isEqualTo(new FunctionRef("123456789012", "orders", "live"));
        assertThat(FunctionRef.parse("arn:aws:lambda:us-east-1:123456789012:function:orders:$LATEST", SCOPE))
                .isEqualTo(new FunctionRef("123456789012", "orders", "$LATEST"));
        assertThat(FunctionRef.parse("210987654321:function:orders:7", SCOPE))
                .isEqualTo(new FunctionRef("210987654321", "orders", "7"));
    }

    @Test
    void refusesMalformedNamesWithAValidationException() {
        assertThatThrownBy(() -> FunctionRef.parse("has space", SCOPE)).isInstanceOfSatisfying(LambdaError.class,
                e -> assertThat(e.type()).isEqualTo("ValidationException"));
        assertThatThrownBy(() -> FunctionRef.parse("x".repeat(65), SCOPE)).isInstanceOf(LambdaError.class);
        assertThatThrownBy(() -> FunctionRef.parse("arn:aws:lambda:us-east-1:123:function:orders", SCOPE))
                .isInstanceOf(LambdaError.class);
    }

    @Test
    void anArnOfAnotherRegionIsNotFound() {
        assertThatThrownBy(() -> FunctionRef.parse("arn:aws:lambda:eu-west-1:123456789012:function:orders", SCOPE))
                .isInstanceOfSatisfying(LambdaError.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.getMessage())
                            .isEqualTo("Functions from 'eu-west-1' are not reachable in this region ('us-east-1')");
                });
    }

    @Test
    void aQualifierMayBeGivenTwiceOnlyWhenBothAgree() {
        FunctionRef qualified = FunctionRef.parse("orders:1", SCOPE);

        assertThat(qualified.withQualifier("1")).isEqualTo(qualified);
        assertThat(qualified.withQualifier(null)).isEqualTo(qualified);
        assertThat(FunctionRef.parse("orders", SCOPE).withQualifier("live").qualifier()).isEqualTo("live");
        assertThatThrownBy(() -> qualified.withQualifier("2")).isInstanceOfSatisfying(LambdaError.class,
                e -> assertThat(e.type()).isEqualTo("InvalidParameterValueException"));
    }
}
