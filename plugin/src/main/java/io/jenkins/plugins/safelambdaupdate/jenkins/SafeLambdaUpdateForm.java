package io.jenkins.plugins.safelambdaupdate.jenkins;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.safelambdaupdate.CodeSource;
import io.jenkins.plugins.safelambdaupdate.DeploymentRequest;
import io.jenkins.plugins.safelambdaupdate.FunctionReference;
import io.jenkins.plugins.safelambdaupdate.InvalidRequestException;
import io.jenkins.plugins.safelambdaupdate.Parameter;
import io.jenkins.plugins.safelambdaupdate.RequestParameters;
import io.jenkins.plugins.safelambdaupdate.RequestValidator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import jenkins.model.Jenkins;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The form side of {@link SafeLambdaUpdateStep.DescriptorImpl}: drop-downs and field validation for the Snippet
 * Generator and the configuration page. Every check applies the engine's own rules (the request validator in
 * {@code core}) and only for users who may configure the item; others get no answer (no information leaks).
 */
public abstract class SafeLambdaUpdateForm extends StepDescriptor {
    /** A placeholder function for checking one field at a time. */
    private static final String ANY_FUNCTION = "my-function";

    @POST
    public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
        StandardListBoxModel result = new StandardListBoxModel();
        if (item == null ? !Jenkins.get().hasPermission(Jenkins.ADMINISTER)
                : !item.hasPermission(Item.EXTENDED_READ) && !item.hasPermission(CredentialsProvider.USE_ITEM)) {
            return result.includeCurrentValue(credentialsId == null ? "" : credentialsId);
        }
        return result.includeEmptyValue()
                .includeMatchingAs(item instanceof Queue.Task ? Tasks.getAuthenticationOf2((Queue.Task) item) : ACL.SYSTEM2,
                        item, AmazonWebServicesCredentials.class, Collections.emptyList(), CredentialsMatchers.always())
                .includeCurrentValue(credentialsId == null ? "" : credentialsId);
    }

    public ListBoxModel doFillEnvironmentModeItems() {
        return options("merge", "replace");
    }

    public ListBoxModel doFillOnForeignChangeItems() {
        return options("reapply", "fail");
    }

    @POST
    public FormValidation doCheckFunctionName(@AncestorInPath Item item, @QueryParameter String value) {
        return check(item, () -> {
            if (value == null || value.isBlank()) {
                throw new InvalidRequestException(Parameter.FUNCTION_NAME, "is required");
            }
            FunctionReference.parse(value.trim());
        });
    }

    @POST
    public FormValidation doCheckZipFile(@AncestorInPath Item item, @QueryParameter String value,
            @QueryParameter String s3Bucket, @QueryParameter String s3Key, @QueryParameter String imageUri) {
        return blank(value) ? FormValidation.ok() : check(item, () -> {
            RequestParameters.codeSource(Path.of("function.zip"), s3Bucket, s3Key, null, imageUri);
            WorkspaceZip.checkRelative(value.trim());
        });
    }

    @POST
    public FormValidation doCheckS3Bucket(@AncestorInPath Item item, @QueryParameter String value,
            @QueryParameter String s3Key) {
        return blank(value) ? FormValidation.ok()
                : validate(item, b -> b.code(CodeSource.s3(value.trim(), blank(s3Key) ? "key" : s3Key.trim(), null)));
    }

    @POST
    public FormValidation doCheckImageUri(@AncestorInPath Item item, @QueryParameter String value) {
        return blank(value) ? FormValidation.ok() : validate(item, b -> b.code(CodeSource.image(value.trim())));
    }

    @POST
    public FormValidation doCheckEnvironment(@AncestorInPath Item item, @QueryParameter String value) {
        return blank(value) ? FormValidation.ok()
                : validate(item, b -> b.environment(RequestParameters.environment(lines(value))));
    }

    @POST
    public FormValidation doCheckMemorySize(@AncestorInPath Item item, @QueryParameter String value) {
        return blank(value) ? FormValidation.ok() : validate(item, b -> b.memorySize(number(Parameter.MEMORY_SIZE, value)));
    }

    @POST
    public FormValidation doCheckTimeout(@AncestorInPath Item item, @QueryParameter String value) {
        return blank(value) ? FormValidation.ok() : validate(item, b -> b.timeout(number(Parameter.TIMEOUT, value)));
    }

    @POST
    public FormValidation doCheckHandler(@AncestorInPath Item item, @QueryParameter String value) {
        return blank(value) ? FormValidation.ok() : validate(item, b -> b.handler(value.trim()));
    }

    @POST
    public FormValidation doCheckRuntime(@AncestorInPath Item item, @QueryParameter String value) {
        return blank(value) ? FormValidation.ok() : validate(item, b -> b.runtime(value.trim()));
    }

    @POST
    public FormValidation doCheckDescription(@AncestorInPath Item item, @QueryParameter String value) {
        return blank(value) ? FormValidation.ok() : validate(item, b -> b.description(value));
    }

    @POST
    public FormValidation doCheckLayers(@AncestorInPath Item item, @QueryParameter String value) {
        return blank(value) ? FormValidation.ok() : validate(item, b -> b.layers(lines(value)));
    }

    @POST
    public FormValidation doCheckRole(@AncestorInPath Item item, @QueryParameter String value) {
        return blank(value) ? FormValidation.ok() : validate(item, b -> b.role(value.trim()));
    }

    @POST
    public FormValidation doCheckAlias(@AncestorInPath Item item, @QueryParameter String value,
            @QueryParameter boolean publish) {
        return blank(value) ? FormValidation.ok() : validate(item, b -> b.alias(value.trim()).publish(publish));
    }

    @POST
    public FormValidation doCheckRegion(@AncestorInPath Item item, @QueryParameter String value) {
        return blank(value) ? FormValidation.ok() : check(item, () -> RequestParameters.region(value));
    }

    @POST
    public FormValidation doCheckEndpointUrl(@AncestorInPath Item item, @QueryParameter String value) {
        return blank(value) ? FormValidation.ok() : check(item, () -> RequestParameters.endpointUrl(value));
    }

    @POST
    public FormValidation doCheckDeadlineMinutes(@AncestorInPath Item item, @QueryParameter String value) {
        return blank(value) ? FormValidation.ok()
                : validate(item, b -> b.deadline(Duration.ofMinutes(number(Parameter.DEADLINE, value))));
    }

    @POST
    public FormValidation doCheckConflictRetries(@AncestorInPath Item item, @QueryParameter String value) {
        return blank(value) ? FormValidation.ok()
                : validate(item, b -> b.conflictRetries(number(Parameter.CONFLICT_RETRIES, value)));
    }

    /**
     * Joins a list for a one-entry-per-line text area ({@code config.jelly}).
     *
     * @param entries the entries, or null
     * @return the entries separated by newlines; empty for null
     */
    public String joinLines(List<String> entries) {
        return entries == null ? "" : String.join("\n", entries);
    }

    /**
     * Prepares submitted form data for binding: blank text fields are dropped (the setting stays unset) and the
     * given text areas become lists of their non-blank lines.
     */
    static JSONObject fromForm(JSONObject formData, String... listFields) {
        JSONObject form = new JSONObject();
        for (String key : formData.keySet()) {
            Object value = formData.get(key);
            if (!(value instanceof String && ((String) value).isBlank())) {
                form.put(key, value);
            }
        }
        for (String field : listFields) {
            if (form.get(field) instanceof String) {
                form.put(field, JSONArray.fromObject(lines(form.getString(field))));
            }
        }
        return form;
    }

    /**
     * Prepares the step's submitted form for binding ({@link #fromForm} for its two lists). A text area cannot tell an
     * empty list from an unset one: a blank environment means unset (nothing changed) under {@code environmentMode}
     * merge, and the empty set (every variable removed) under replace, the only way to ask for that, so that
     * {@code environment: [], environmentMode: 'replace'} survives the form and the Snippet Generator.
     */
    static JSONObject fromStepForm(JSONObject formData) {
        JSONObject form = fromForm(formData, "environment", "layers");
        if ("replace".equalsIgnoreCase(form.optString("environmentMode").trim()) && !form.has("environment")) {
            form.put("environment", new JSONArray());
        }
        return form;
    }

    /** Runs one check of the engine's request validator on a request with only the field under test set. */
    private static FormValidation validate(Item item, UnaryOperator<DeploymentRequest.Builder> field) {
        return check(item, () -> new RequestValidator().validate(
                field.apply(DeploymentRequest.builder().functionName(ANY_FUNCTION)).build()));
    }

    private static FormValidation check(Item item, Runnable check) {
        if (item == null ? !Jenkins.get().hasPermission(Jenkins.ADMINISTER) : !item.hasPermission(Item.CONFIGURE)) {
            return FormValidation.ok();
        }
        try {
            check.run();
            return FormValidation.ok();
        } catch (InvalidRequestException e) {
            return FormValidation.error(StepParameters.describe(e));
        }
    }

    private static int number(Parameter parameter, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(parameter, "must be a whole number, was " + value.trim());
        }
    }

    private static List<String> lines(String text) {
        List<String> result = new ArrayList<>();
        for (String line : text.split("\\r?\\n")) {
            if (!line.isBlank()) {
                result.add(line.trim());
            }
        }
        return result;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static ListBoxModel options(String... values) {
        ListBoxModel model = new ListBoxModel();
        for (String value : values) {
            model.add(value);
        }
        return model;
    }
}
