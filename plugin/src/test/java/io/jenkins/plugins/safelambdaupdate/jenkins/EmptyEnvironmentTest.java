package io.jenkins.plugins.safelambdaupdate.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.structs.describable.DescribableModel;
import org.jenkinsci.plugins.workflow.cps.Snippetizer;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * {@code environment: []} with {@code environmentMode: 'replace'} (remove every variable) stays an empty list, distinct
 * from an unset environment, through data binding, the form and the Snippet Generator.
 */
@WithJenkins
class EmptyEnvironmentTest {

    private static SafeLambdaUpdateStep replaceWithNone() {
        SafeLambdaUpdateStep step = new SafeLambdaUpdateStep("orders");
        step.setEnvironment(List.of());
        step.setEnvironmentMode("replace");
        return step;
    }

    @Test
    void dataBindingKeepsAnEmptyListDistinctFromNone(JenkinsRule j) throws Exception {
        DescribableModel<SafeLambdaUpdateStep> model = DescribableModel.of(SafeLambdaUpdateStep.class);

        SafeLambdaUpdateStep empty = model.instantiate(Map.of("functionName", "orders", "environment", List.of(),
                "environmentMode", "replace"), null);
        SafeLambdaUpdateStep unset = model.instantiate(Map.of("functionName", "orders"), null);

        assertEquals(List.of(), empty.getEnvironment());
        assertNull(unset.getEnvironment());
        Map<String, ?> arguments = model.uninstantiate2(empty).getArguments();
        assertEquals(List.of(), arguments.get("environment"));
        assertEquals("replace", arguments.get("environmentMode"));
        assertFalse(model.uninstantiate2(unset).getArguments().containsKey("environment"));
        j.assertEqualDataBoundBeans(empty, model.instantiate(model.uninstantiate2(empty).toMap(), null));
        assertEquals("safeLambdaUpdate environment: [], environmentMode: 'replace', functionName: 'orders'",
                Snippetizer.object2Groovy(empty));
    }

    @Test
    void aBlankEnvironmentInTheFormIsTheEmptySetUnderReplaceAndUnsetUnderMerge(JenkinsRule j) {
        JSONObject replace = JSONObject.fromObject(Map.of("functionName", "orders", "environment", "  ",
                "environmentMode", "replace", "layers", ""));
        JSONObject merge = JSONObject.fromObject(Map.of("functionName", "orders", "environment", "",
                "environmentMode", "merge"));

        assertEquals(new JSONArray(), SafeLambdaUpdateForm.fromStepForm(replace).get("environment"));
        assertFalse(SafeLambdaUpdateForm.fromStepForm(replace).has("layers"), "a blank list that is not environment");
        assertFalse(SafeLambdaUpdateForm.fromStepForm(merge).has("environment"));
        assertEquals(JSONArray.fromObject(List.of("A=1", "B=2")), SafeLambdaUpdateForm.fromStepForm(
                JSONObject.fromObject(Map.of("functionName", "orders", "environment", "A=1\n\nB=2\n",
                        "environmentMode", "replace"))).get("environment"));
    }

    /** Needs rendered pages: ENV-LIMIT in the Jenkins assembled from sources here; runs in a Maven build. */
    @Test
    void theFormRoundTripKeepsReplaceWithNone(JenkinsRule j) throws Exception {
        SafeLambdaUpdateStep step = replaceWithNone();
        j.assertEqualDataBoundBeans(step, new StepConfigTester(j).configRoundTrip(step));
    }

    @Test
    void theSnippetGeneratorKeepsReplaceWithNone(JenkinsRule j) throws Exception {
        new SnippetizerTester(j).assertRoundTrip(replaceWithNone(),
                "safeLambdaUpdate environment: [], environmentMode: 'replace', functionName: 'orders'");
    }
}
