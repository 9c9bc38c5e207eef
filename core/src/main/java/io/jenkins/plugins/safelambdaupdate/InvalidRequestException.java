package io.jenkins.plugins.safelambdaupdate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The request is invalid; nothing was sent to AWS. It carries the {@link #parameter() parameter} (typed) and the
 * {@link #problem() problem}, a phrase that never names the parameter itself, so that each front end words the
 * refusal in its own vocabulary: {@link #describe(Function)} with its names, for example {@code --memory} on the
 * command line. Other parameters the problem mentions (for example "needs publish") are kept typed too and named
 * in the same vocabulary. The message ({@link #getMessage()}) is the default wording, the engine name followed by
 * the problem: {@code "memorySize must be between 128 and 10240 MB, was 64"}. No part ever quotes a secret or an
 * environment variable's value.
 */
public class InvalidRequestException extends DeploymentException {
    private static final long serialVersionUID = 2L;

    private final Parameter parameter;
    /** Strings and {@link Parameter}s, in order; a parameter is named in the reader's vocabulary. */
    private final ArrayList<Object> problem;

    /**
     * Creates a refusal of one parameter.
     *
     * @param parameter the refused parameter, not null
     * @param problem what is wrong, worded to follow the parameter's name and never naming it, for example
     *     {@code "must be between 128 and 10240 MB, was 64"}; not null
     * @throws NullPointerException if an argument is null
     */
    public InvalidRequestException(Parameter parameter, String problem) {
        this(parameter, new Object[] {Objects.requireNonNull(problem, "problem cannot be null")});
    }

    /**
     * Creates a refusal whose problem mentions other parameters, for example
     * {@code new InvalidRequestException(ALIAS, "live needs ", PUBLISH, ": ...")}.
     *
     * @param parameter the refused parameter, not null
     * @param problem the problem's parts: {@link Parameter}s (named in the reader's vocabulary) and text (any other
     *     value, shown with {@link String#valueOf(Object)}); not null, no null element
     * @throws NullPointerException if an argument or a part is null
     */
    public InvalidRequestException(Parameter parameter, Object... problem) {
        super(FailureKind.INVALID_REQUEST, Objects.requireNonNull(parameter, "parameter cannot be null").engineName()
                + " " + problem(parts(problem), Parameter::engineName));
        this.parameter = parameter;
        this.problem = parts(problem);
    }

    private static ArrayList<Object> parts(Object[] problem) {
        ArrayList<Object> parts = new ArrayList<>(problem.length);
        for (Object part : problem) {
            Objects.requireNonNull(part, "a part of the problem cannot be null");
            parts.add(part instanceof Parameter ? part : String.valueOf(part));
        }
        return parts; // a plain list: the exception may be serialized (a Jenkins build keeps its error)
    }

    /**
     * @param other the parameter to refuse instead, not null
     * @return the same problem about {@code other}: for a front end that checks a setting of its own with the check
     *     of another (a lock table's region with the check of {@link Parameter#REGION})
     */
    public InvalidRequestException about(Parameter other) {
        return new InvalidRequestException(other, problem.toArray());
    }

    /** @return the refused parameter, never null */
    public Parameter parameter() {
        return parameter;
    }

    /** @return the problem with other parameters under their engine names, for example "live needs publish" */
    public String problem() {
        return problem(Parameter::engineName);
    }

    /**
     * @param names a front end's name of each parameter, not null
     * @return the problem with the parameters it mentions named by {@code names}, for example
     *     {@code "live needs --publish"}; never the refused parameter's own name
     */
    public String problem(Function<Parameter, String> names) {
        return problem(problem, names);
    }

    /**
     * @param names a front end's name of each parameter, not null
     * @return the refusal in that vocabulary, the parameter's name followed by the problem, for example
     *     {@code "memorySize must be between 128 and 10240 MB, was 64"}
     */
    public String describe(Function<Parameter, String> names) {
        return names.apply(parameter) + " " + problem(names);
    }

    private static String problem(List<Object> problem, Function<Parameter, String> names) {
        StringBuilder sb = new StringBuilder();
        for (Object part : problem) {
            sb.append(part instanceof Parameter p ? names.apply(p) : (String) part);
        }
        return sb.toString();
    }
}
