package io.jenkins.plugins.safelambdaupdate.simulator.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** The route table of the modelled operations (reference §4), wired to their handlers. */
final class LambdaApi {
    private static final String FUNCTIONS = "/2015-03-31/functions";
    private static final String FUNCTION = FUNCTIONS + "/{FunctionName}";

    private LambdaApi() {
    }

    static RouteTable routes(FunctionStore store, AccountScope scope, ObjectMapper mapper) {
        FunctionHandlers functions = new FunctionHandlers(store, scope, mapper);
        VersionHandlers versions = new VersionHandlers(store, scope);
        AliasHandlers aliases = new AliasHandlers(store, scope);
        return new RouteTable(List.of(
                Route.of("POST", FUNCTIONS, "CreateFunction", functions::create),
                Route.of("GET", FUNCTIONS, "ListFunctions", functions::list),
                Route.of("GET", FUNCTION, "GetFunction", functions::get),
                Route.of("DELETE", FUNCTION, "DeleteFunction", functions::delete),
                Route.of("GET", FUNCTION + "/configuration", "GetFunctionConfiguration", functions::getConfiguration),
                Route.of("PUT", FUNCTION + "/configuration", "UpdateFunctionConfiguration",
                        functions::updateConfiguration),
                Route.of("PUT", FUNCTION + "/code", "UpdateFunctionCode", functions::updateCode),
                Route.of("POST", FUNCTION + "/versions", "PublishVersion", versions::publish),
                Route.of("GET", FUNCTION + "/versions", "ListVersionsByFunction", versions::list),
                Route.of("POST", FUNCTION + "/aliases", "CreateAlias", aliases::create),
                Route.of("GET", FUNCTION + "/aliases", "ListAliases", aliases::list),
                Route.of("GET", FUNCTION + "/aliases/{Name}", "GetAlias", aliases::get),
                Route.of("PUT", FUNCTION + "/aliases/{Name}", "UpdateAlias", aliases::update),
                Route.of("DELETE", FUNCTION + "/aliases/{Name}", "DeleteAlias", aliases::delete)));
    }
}
