package io.jenkins.plugins.safelambdaupdate.bench.crosshost;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jenkins.plugins.safelambdaupdate.RequestParameters;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The cross-host scenario's options, mixed into the benchmark's command line: {@code --cross-host} runs it instead of
 * the benchmark, reading the benchmark's own {@code --deployers} (one value, K per host, default 2),
 * {@code --update-ms}, {@code --publish-ms} and {@code --json} when given.
 */
public final class CrossHostOptions {
    @Option(names = "--cross-host", description = "run the cross-host scenario instead: --hosts processes x "
            + "--deployers on one function, through the DynamoDB lock, a file lock per host and no lock; needs "
            + "--dynamodb-endpoint")
    boolean crossHost;

    @Option(names = "--hosts", paramLabel = "H", description = "cross-host: processes; default 3")
    int hosts = 3;

    @Option(names = "--dynamodb-endpoint", paramLabel = "URL",
            description = "cross-host: a DynamoDB-compatible server for the lock tables, for example dynalite "
                    + "(test-support/dynalite) at http://127.0.0.1:4567")
    String dynamoDbEndpoint;

    /** @return whether {@code --cross-host} was given */
    public boolean requested() {
        return crossHost;
    }

    /**
     * Runs the scenario, prints a Markdown table and writes JSON when asked.
     *
     * @return 0
     * @throws CommandLine.ParameterException for options that do not fit
     */
    public int run(CommandLine commandLine) throws IOException, InterruptedException {
        CommandLine.ParseResult parsed = commandLine.getParseResult();
        List<Integer> deployers = parsed.matchedOptionValue("--deployers", List.of(2));
        if (deployers.size() != 1 || dynamoDbEndpoint == null) {
            throw new CommandLine.ParameterException(commandLine,
                    "--cross-host takes one --deployers value and needs --dynamodb-endpoint");
        }
        URI endpoint = RequestParameters.endpointUrl(dynamoDbEndpoint);
        Duration update = Duration.ofMillis(parsed.matchedOptionValue("--update-ms", 1500L));
        Duration publish = Duration.ofMillis(parsed.matchedOptionValue("--publish-ms", 500L));
        PrintWriter err = commandLine.getErr();
        List<CrossHostRecord> records;
        try {
            records = new CrossHost(hosts, deployers.get(0), update, publish, endpoint, line -> {
                err.println(line);
                err.flush();
            }).run();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage());
        }
        commandLine.getOut().print(markdown(records));
        commandLine.getOut().flush();
        Path json = parsed.matchedOptionValue("--json", null);
        if (json != null) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("updateDelayMs", update.toMillis());
            report.put("publishDelayMs", publish.toMillis());
            report.put("cores", Runtime.getRuntime().availableProcessors());
            report.put("records", records);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report);
            err.println("JSON written to " + json);
        }
        return 0;
    }

    /** @return the records as a Markdown table */
    static String markdown(List<CrossHostRecord> records) {
        StringBuilder sb = new StringBuilder("| lock | hosts × K | succeeded | 409s | 412s | 429s | makespan | × serial bound "
                + "| hand-off across hosts p50 / max | DynamoDB calls/deploy | failures |\n"
                + "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|---|\n");
        for (CrossHostRecord r : records) {
            sb.append(String.format(java.util.Locale.ROOT, "| %s | %d × %d | %d/%d | %d | %d | %d | %.1f s / %.1f s | %.2f | %s | %s | %s |%n",
                    r.lock(), r.hosts(), r.deployersPerHost(), r.succeeded(), r.deployments(), r.conflicts(),
                    r.preconditionFailures(), r.throttled(), r.makespanMs() / 1000.0, r.lowerBoundMs() / 1000.0, r.makespanRatio(),
                    r.handOffMedianMs() == null ? "–" : r.handOffMedianMs() + " / " + r.handOffMaxMs() + " ms",
                    r.dynamoDbCallsPerDeployment() == null ? "–" : r.dynamoDbCallsPerDeployment(),
                    r.failures().isEmpty() ? "–" : r.failures()));
        }
        return sb.toString();
    }
}
