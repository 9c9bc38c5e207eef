package io.jenkins.plugins.safelambdaupdate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FunctionReferenceTest {

    @Test
    void parsesBareName() {
        FunctionReference ref = FunctionReference.parse("my-fn_1");
        assertThat(ref.name()).isEqualTo("my-fn_1");
        assertThat(ref.qualifier()).isEmpty();
        assertThat(ref.region()).isEmpty();
        assertThat(ref.accountId()).isEmpty();
        assertThat(ref.unqualified()).isEqualTo("my-fn_1");
        assertThat(ref.value()).isEqualTo("my-fn_1");
    }

    @Test
    void parsesQualifiedName() {
        FunctionReference ref = FunctionReference.parse("my-fn:$LATEST");
        assertThat(ref.name()).isEqualTo("my-fn");
        assertThat(ref.qualifier()).contains("$LATEST");
        assertThat(ref.unqualified()).isEqualTo("my-fn");
        assertThat(FunctionReference.parse("my-fn:7").qualifier()).contains("7");
        assertThat(FunctionReference.parse("my-fn:live").qualifier()).contains("live");
    }

    @Test
    void parsesFullArnInEveryPartition() {
        FunctionReference ref = FunctionReference.parse("arn:aws:lambda:eu-west-1:123456789012:function:my-fn:live");
        assertThat(ref.name()).isEqualTo("my-fn");
        assertThat(ref.region()).contains("eu-west-1");
        assertThat(ref.accountId()).contains("123456789012");
        assertThat(ref.partition()).contains("aws");
        assertThat(ref.qualifier()).contains("live");
        assertThat(ref.unqualified()).isEqualTo("arn:aws:lambda:eu-west-1:123456789012:function:my-fn");

        assertThat(FunctionReference.parse("arn:aws-cn:lambda:cn-north-1:123456789012:function:f").region())
                .contains("cn-north-1");
        assertThat(FunctionReference.parse("arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:f").partition())
                .contains("aws-us-gov");
    }

    @Test
    void parsesPartialArn() {
        FunctionReference ref = FunctionReference.parse("123456789012:function:my-fn:3");
        assertThat(ref.name()).isEqualTo("my-fn");
        assertThat(ref.accountId()).contains("123456789012");
        assertThat(ref.region()).isEmpty();
        assertThat(ref.qualifier()).contains("3");
        assertThat(ref.unqualified()).isEqualTo("123456789012:function:my-fn");
    }

    @Test
    void acceptsSixtyFourCharacterName() {
        String name = "a".repeat(64);
        assertThat(FunctionReference.parse(name).name()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "my fn", "my.fn", "fn:", "fn:a:b", "arn:aws:lambda:us-east-1:123:function:fn",
            "arn:aws:s3:us-east-1:123456789012:function:fn", "arn:other:lambda:us-east-1:123456789012:function:fn",
            "12345678901:function:fn", "fn:bad.qualifier"})
    void refusesMalformedReferencesNamingFunctionName(String value) {
        assertThatThrownBy(() -> FunctionReference.parse(value))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.parameter().engineName()).isEqualTo("functionName");
                    assertThat(e.getMessage()).startsWith("functionName");
                    assertThat(e.failure()).isEqualTo(FailureKind.INVALID_REQUEST);
                });
    }

    @Test
    void refusesTooLongNameAndNull() {
        assertThatThrownBy(() -> FunctionReference.parse("a".repeat(65))).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> FunctionReference.parse(null))
                .isInstanceOf(InvalidRequestException.class).hasMessage("functionName cannot be null");
    }
}
