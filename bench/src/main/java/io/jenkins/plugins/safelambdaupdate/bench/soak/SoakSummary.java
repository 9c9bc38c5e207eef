package io.jenkins.plugins.safelambdaupdate.bench.soak;

import java.util.Locale;

/** Renders a {@link SoakReport} as a few plain lines for the terminal. */
public final class SoakSummary {
    private SoakSummary() {
    }

    /** @return the summary, lines ending with a newline */
    public static String render(SoakReport r) {
        SoakSettings s = r.settings();
        StringBuilder sb = new StringBuilder();
        line(sb, "Soak: %d deployers on %d functions, %d rounds (seed %d), %.1f s", s.deployers(), s.functions(),
                s.rounds(), s.seed(), r.wallTimeMillis() / 1000.0);
        line(sb, "Injected: %d throttled calls (429), %d server errors (5xx), %d failed updates armed, "
                        + "%d outside writes (%d of code, %d refused with 409), %d of %d planned interrupts delivered %s",
                r.injected().throttledCalls(), r.injected().serverErrors(), r.injected().failedUpdatesArmed(),
                r.injected().outsideWrites(), r.injected().outsideCodeWrites(), r.injected().outsideWritesRefused(),
                r.injected().interruptsDelivered(), r.injected().interruptsPlanned(),
                r.injected().interruptsByMoment());
        line(sb, "Deployments: %d attempted, %d succeeded (%d published), %d failed %s",
                r.deployments().attempted(), r.deployments().succeeded(), r.deployments().published(),
                r.deployments().failed(), r.deployments().failedByCause());
        line(sb, "Interrupted deployments ended: %s", r.deployments().interruptedOutcomes());
        line(sb, "Retries: engine %s, SDK %s", r.retries().engine(), r.retries().sdk());
        line(sb, "API calls: %d %s", r.apiCalls().total(), r.apiCalls().byOperation());
        line(sb, "Checked: %d published versions, %d verified $LATEST (%d not checkable), %d interrupted deployments, "
                        + "%d locks", r.checks().publishedVersionsChecked(), r.checks().latestChecked(),
                r.checks().latestNotCheckable(), r.checks().interruptedChecked(), r.checks().locksChecked());
        line(sb, "Invariant violations: %s", r.invariantViolations());
        for (String detail : r.violationDetails()) {
            line(sb, "  %s", detail);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String format, Object... args) {
        sb.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
