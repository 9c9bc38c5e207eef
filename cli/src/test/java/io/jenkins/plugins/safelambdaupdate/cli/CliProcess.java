package io.jenkins.plugins.safelambdaupdate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.safelambdaupdate.testing.ChildJvm;
import io.jenkins.plugins.safelambdaupdate.testing.SimulatorPriors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The command line in a separate JVM ({@code java -cp <test classpath> SafeLambdaUpdateCli ...}), with its own
 * environment and its output captured in files.
 */
final class CliProcess {
    private final Process process;
    private final Path out;
    private final Path err;

    private CliProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /**
     * @param dir where to keep the output files
     * @param name names the output files
     * @param environment the AWS variables of the process (this JVM's own AWS variables and XDG_RUNTIME_DIR are dropped)
     * @param args the command line
     */
    static CliProcess start(Path dir, String name, Map<String, String> environment, List<String> args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(ChildJvm.SHORT_LIVED);
        command.addAll(List.of("-Duser.home=" + home(dir), "-cp", System.getProperty("java.class.path"),
                SafeLambdaUpdateCli.class.getName()));
        command.addAll(args);
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.equals("XDG_RUNTIME_DIR"));
        builder.environment().putAll(environment);
        return new CliProcess(builder.start(), out, err);
    }

    /**
     * @return the home directory of the processes started in {@code dir}, never the user's own: what a run learns and
     *     its default lock directory stay in the test's folder
     */
    static Path home(Path dir) {
        return dir.resolve("home");
    }

    /**
     * Makes the processes started in {@code dir} start from what an earlier run learned about the simulator's timings
     * (see {@link SimulatorPriors}).
     */
    static void knowing(Path dir, Duration update, Duration publish) {
        SimulatorPriors.write(DeployCommand.learnedDurationsFile(Map.of(), home(dir)), update, publish);
    }

    /** @return the exit code, waiting at most the timeout (then the process is killed and -1 returned) */
    int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    /** Sends SIGTERM, as a CI system stopping a build does (Ctrl-C sends SIGINT; both run the shutdown hooks). */
    void terminate() {
        process.destroy();
    }

    String out() {
        return read(out);
    }

    String err() {
        return read(err);
    }

    /**
     * @return the JSON lines written so far, events on standard error then the result on standard output (a last
     *     line still being written is skipped)
     */
    List<JsonNode> jsonLines() {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> nodes = new ArrayList<>();
        // Events (--json-events) on standard error first, then the result (--json) on standard output.
        for (String line : (err() + System.lineSeparator() + out()).split("\\R")) {
            try {
                if (line.startsWith("{")) {
                    nodes.add(mapper.readTree(line));
                }
            } catch (IOException incomplete) {
                // written half; seen on the next read
            }
        }
        return nodes;
    }

    /** @return true once an event of this type was written */
    boolean reported(String type) {
        return jsonLines().stream().anyMatch(l -> type.equals(l.path("type").asText()));
    }

    /** Waits until the process reported an event of the type, or ended, or the timeout passed. */
    boolean awaitReported(String type, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (reported(type)) {
                return true;
            }
            if (!process.isAlive()) {
                return reported(type);
            }
            Thread.sleep(50);
        }
        return false;
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
