package io.jenkins.plugins.safelambdaupdate.cli;

import io.jenkins.plugins.safelambdaupdate.Durations;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Renders the demo's timelines, summary and verification as aligned plain text. */
final class DemoReport {
    /** Width of the timeline bars, in characters. */
    static final int BAR_WIDTH = 40;

    private final PrintWriter out;

    /** @param out where to print, not null */
    DemoReport(PrintWriter out) {
        this.out = Objects.requireNonNull(out, "out cannot be null");
    }

    /** Prints every call of the naive burst in the order they were sent, with what the simulator answered. */
    void naiveTimeline(NaiveRun.Report report) {
        record Row(int pipeline, NaivePipeline.Call call) {
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < report.outcomes().size(); i++) {
            for (NaivePipeline.Call call : report.outcomes().get(i).calls()) {
                rows.add(new Row(i + 1, call));
            }
        }
        rows.sort(Comparator.comparing((Row r) -> r.call().startedAt()).thenComparing(Row::pipeline));
        TextTable table = new TextTable(">sent at", "pipeline", "call", "answer");
        for (Row row : rows) {
            NaivePipeline.Call call = row.call();
            table.row(millis(Duration.between(report.start(), call.startedAt())), "#" + row.pipeline(),
                    call.operation(), call.refused() ? call.statusCode() + " " + call.errorType() : "accepted");
        }
        table.print(out, "  ");
    }

    /** Prints who held the function lock when, in order of acquisition, with a bar per holder. */
    void engineTimeline(EngineRun.Report report) {
        List<EngineRun.Pipeline> held = new ArrayList<>(report.pipelines());
        held.removeIf(p -> p.acquired() == null);
        held.sort(Comparator.comparing(EngineRun.Pipeline::acquired));
        Instant start = report.start();
        Duration wall = report.wall().isZero() ? Duration.ofMillis(1) : report.wall();
        TextTable table = new TextTable("pipeline", ">waited", ">acquired", ">released", ">held", ">version",
                "held the function (0 to " + seconds(wall) + ")");
        for (EngineRun.Pipeline p : held) {
            Instant released = p.released() != null ? p.released() : start.plus(wall);
            table.row("#" + p.pipeline(), seconds(p.waited()), seconds(Duration.between(start, p.acquired())),
                    p.released() == null ? "-" : seconds(Duration.between(start, released)),
                    seconds(Duration.between(p.acquired(), released)), p.version(),
                    bar(start, wall, p.acquired(), released));
        }
        table.print(out, "  ");
        report.pipelines().stream().filter(p -> p.acquired() == null).forEach(p ->
                out.println("  #" + p.pipeline() + " never acquired the lock"));
    }

    /** Prints the side-by-side summary of both bursts. */
    void summary(NaiveRun.Report naive, EngineRun.Report engine) {
        TextTable table = new TextTable("", ">naive", ">safe-lambda-update");
        table.row("deployments", naive.outcomes().size(), engine.pipelines().size());
        table.row("succeeded", naive.succeeded(), engine.succeeded());
        table.row("failed with ResourceConflictException", naive.conflicts(), engine.conflicts());
        table.row("failed otherwise", naive.outcomes().size() - naive.succeeded() - naive.conflicts(),
                engine.pipelines().size() - engine.succeeded() - engine.conflicts());
        table.row("409 refusals seen by Lambda", naive.stats().refusalsWithStatus(409),
                engine.stats().refusalsWithStatus(409));
        table.row("versions published", "-", engine.pipelines().stream().filter(p -> p.version() != null).count());
        table.row("wall time", seconds(naive.wall()), seconds(engine.wall()));
        table.row("API calls", naive.stats().totalCalls(), engine.stats().totalCalls());
        table.print(out, "  ");
    }

    /**
     * Prints, per successful engine deployment, whose code its version holds.
     *
     * @param checks the checks, not null
     * @param zips every pipeline's zip, pipeline 1 first, to name the code a version holds
     */
    void verification(List<PublishedVersionCheck.Check> checks, List<DemoZip> zips) {
        TextTable table = new TextTable("pipeline", ">version", "version's CodeSha256", "holds the code of", "");
        for (PublishedVersionCheck.Check c : checks) {
            String owner = zips.stream().filter(z -> z.codeSha256().equals(c.actual())).map(DemoZip::label)
                    .findFirst().orElse(c.actual() == null ? "no version" : "unknown code");
            table.row("#" + c.pipeline(), c.version(), abbreviated(c.actual()), owner,
                    c.holdsOwnCode() ? "ok" : "LOST");
        }
        table.print(out, "  ");
    }

    private static String abbreviated(String sha) {
        return sha == null || sha.length() <= 16 ? sha : sha.substring(0, 16) + "...";
    }

    static String bar(Instant start, Duration wall, Instant from, Instant to) {
        double scale = (double) wall.toNanos() / BAR_WIDTH;
        int first = (int) Math.min(BAR_WIDTH - 1, Math.floor(Duration.between(start, from).toNanos() / scale));
        int last = (int) Math.min(BAR_WIDTH, Math.ceil(Duration.between(start, to).toNanos() / scale));
        last = Math.max(first + 1, last);
        return "|" + ".".repeat(first) + "#".repeat(last - first) + ".".repeat(BAR_WIDTH - last) + "|";
    }

    static String seconds(Duration d) {
        return Durations.format(d);
    }

    static String millis(Duration d) {
        return String.format(Locale.ROOT, "%.3f s", d.toNanos() / 1e9);
    }
}
