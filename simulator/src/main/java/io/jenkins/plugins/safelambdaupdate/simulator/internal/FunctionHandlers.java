package io.jenkins.plugins.safelambdaupdate.simulator.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.safelambdaupdate.simulator.VersionSnapshot;
import java.util.List;
import java.util.Set;

/**
 * CreateFunction, GetFunction, GetFunctionConfiguration, UpdateFunctionCode, UpdateFunctionConfiguration,
 * DeleteFunction and ListFunctions.
 */
final class FunctionHandlers {
    private static final Set<String> PACKAGE_TYPES = Set.of("Zip", "Image");
    /** ListFunctions "returns a maximum of 50 items in each response" (API reference, MaxItems). */
    private static final int MOST_PER_PAGE = 50;

    private final FunctionStore store;
    private final AccountScope scope;
    private final ObjectMapper mapper;

    FunctionHandlers(FunctionStore store, AccountScope scope, ObjectMapper mapper) {
        this.store = store;
        this.scope = scope;
        this.mapper = mapper;
    }

    SimResponse create(SimRequest request) {
        JsonFields body = request.body();
        FunctionRef ref = FunctionRef.parse(body.text("FunctionName"), scope);
        if (ref.qualifier() != null) {
            throw Errors.qualifierNotAllowed(body.text("FunctionName"));
        }
        String packageType = body.text("PackageType") == null ? "Zip" : body.text("PackageType");
        if (!PACKAGE_TYPES.contains(packageType)) {
            throw Errors.validation("'" + packageType + "'", "packageType", "Member must satisfy enum value set: "
                    + "[Zip, Image]");
        }
        if (body.text("Role") == null) {
            throw Errors.validation("null", "role", "Member must not be null");
        }
        JsonFields code = body.object("Code");
        if (code == null) {
            throw Errors.validation("null", "code", "Member must not be null");
        }
        ConfigPatch patch = ConfigPatch.from(body).validate(mapper);
        if ("Zip".equals(packageType) && (patch.runtime() == null || patch.handler() == null)) {
            throw Errors.runtimeAndHandlerRequired();
        }
        CodeArtifact artifact = CodeReader.read(code, packageType);
        VersionSnapshot created = store.create(ref.name(), FunctionConfig.defaults(packageType).apply(patch),
                artifact, body.bool("Publish"));
        return SimResponse.created(Views.configuration(created));
    }

    SimResponse get(SimRequest request) {
        FunctionRef ref = qualifiedRef(request);
        return SimResponse.ok(Views.function(store.get(ref).read(ref.qualifier())));
    }

    SimResponse getConfiguration(SimRequest request) {
        FunctionRef ref = qualifiedRef(request);
        return SimResponse.ok(Views.configuration(store.get(ref).read(ref.qualifier())));
    }

    /** Updates apply to $LATEST only: a name qualified with a version or an alias is refused, as in AWS. */
    SimResponse updateCode(SimRequest request) {
        FunctionRecord function = store.get(latestRef(request));
        JsonFields body = request.body();
        CodeArtifact code = CodeReader.read(body, function.packageType());
        if (body.bool("DryRun")) {
            // Validated above; a dry run changes nothing.
            return SimResponse.ok(Views.configuration(function.read(null)));
        }
        return SimResponse.ok(Views.configuration(
                function.updateCode(code, body.text("RevisionId"), body.bool("Publish"))));
    }

    SimResponse updateConfiguration(SimRequest request) {
        FunctionRecord function = store.get(latestRef(request));
        JsonFields body = request.body();
        ConfigPatch patch = ConfigPatch.from(body).validate(mapper);
        return SimResponse.ok(Views.configuration(function.updateConfiguration(patch, body.text("RevisionId"))));
    }

    SimResponse delete(SimRequest request) {
        store.delete(qualifiedRef(request));
        return SimResponse.noContent();
    }

    /** ListFunctions: $LATEST of every function, or with {@code FunctionVersion=ALL} every version too. */
    SimResponse list(SimRequest request) {
        String functionVersion = request.query("FunctionVersion");
        if (functionVersion != null && !"ALL".equals(functionVersion)) {
            throw Errors.validation("'" + functionVersion + "'", "functionVersion",
                    "Member must satisfy enum value set: [ALL]");
        }
        List<VersionSnapshot> all = store.all().stream()
                .flatMap(f -> f.listed(functionVersion != null).stream())
                .toList();
        return SimResponse.ok(Views.functions(Page.of(all, request, MOST_PER_PAGE)));
    }

    /**
     * @throws LambdaError InvalidParameterValueException when the name is qualified with anything but $LATEST
     */
    private FunctionRef latestRef(SimRequest request) {
        FunctionRef ref = ref(request);
        if (ref.qualifier() != null && !VersionRecord.LATEST.equals(ref.qualifier())) {
            throw Errors.onlyLatestCanBeUpdated();
        }
        return ref;
    }

    private FunctionRef ref(SimRequest request) {
        return FunctionRef.parse(request.label("FunctionName"), scope);
    }

    private FunctionRef qualifiedRef(SimRequest request) {
        return ref(request).withQualifier(request.query("Qualifier"));
    }
}
