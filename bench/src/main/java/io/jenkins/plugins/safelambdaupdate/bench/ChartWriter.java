package io.jenkins.plugins.safelambdaupdate.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Draws the benchmark as a PNG: above, the makespan against its lower bound per strategy and scenario; below, the
 * share of deployments that failed or were lost. Headless.
 */
public final class ChartWriter {
    private static final int WIDTH = 1200;
    private static final int HEIGHT = 820;
    private static final Map<String, Color> COLORS = Map.of(
            "naive", new Color(0xD6, 0x27, 0x28),
            "check-then-update", new Color(0xFF, 0x7F, 0x0E),
            "waiters-only", new Color(0x94, 0x67, 0xBD),
            "engine", new Color(0x2C, 0xA0, 0x2C));
    private static final Font AXIS = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 14);

    private ChartWriter() {
    }

    /** Writes the chart of the report to the file (PNG), creating its directory when missing. */
    public static void write(BenchReport report, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        ChartUtils.saveChartAsPNG(file.toFile(), chart(report), WIDTH, HEIGHT);
    }

    static JFreeChart chart(BenchReport report) {
        // The K scenarios as lines; the different-functions scenario as points of its own (no line leads to it).
        DefaultCategoryDataset ratios = new DefaultCategoryDataset();
        DefaultCategoryDataset distinctRatios = new DefaultCategoryDataset();
        DefaultCategoryDataset unsafe = new DefaultCategoryDataset();
        double maxRatio = 1.5;
        for (BenchRecord r : report.records()) {
            boolean distinct = !Scenario.SAME_FUNCTION.equals(r.scenario());
            ratios.addValue(distinct ? null : r.makespanRatio(), r.strategy(), r.label());
            distinctRatios.addValue(distinct ? r.makespanRatio() : null, r.strategy(), r.label());
            unsafe.addValue(100.0 * r.unsafe() / r.deployers(), r.strategy(), r.label());
            maxRatio = Math.max(maxRatio, r.makespanRatio());
        }
        List<?> strategies = ratios.getRowKeys();
        int engine = strategies.indexOf(Strategies.ENGINE);

        NumberAxis ratioAxis = axis("makespan ÷ lower bound");
        ratioAxis.setRange(0, Math.ceil(maxRatio * 1.15 * 2) / 2);
        LineAndShapeRenderer lines = new LineAndShapeRenderer(true, true);
        LineAndShapeRenderer points = new LineAndShapeRenderer(false, true);
        for (LineAndShapeRenderer renderer : List.of(lines, points)) {
            for (int i = 0; i < strategies.size(); i++) {
                renderer.setSeriesPaint(i, color(strategies.get(i)));
                // Two strategies often measure alike: dash one so that both stay visible.
                renderer.setSeriesStroke(i, "waiters-only".equals(strategies.get(i))
                        ? new BasicStroke(3.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
                                new float[] {9f, 7f}, 0f)
                        : new BasicStroke(3.5f));
                renderer.setSeriesShape(i, new Ellipse2D.Double(-6, -6, 12, 12));
            }
            // Labels on the engine only: the others crowd at the same spots.
            renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", decimals("0.00")));
            renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            renderer.setDefaultItemLabelsVisible(false);
            if (engine >= 0) {
                renderer.setSeriesItemLabelsVisible(engine, true);
            }
            renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12,
                    TextAnchor.BOTTOM_CENTER));
        }
        CategoryPlot top = new CategoryPlot(ratios, null, ratioAxis, lines);
        top.setDataset(1, distinctRatios);
        top.setRenderer(1, points);
        top.addRangeMarker(marker(1.0, "1.0 = lower bound (nothing faster is possible)", Color.DARK_GRAY));
        decorate(top);

        NumberAxis unsafeAxis = axis("failed or lost (% of deployments)");
        unsafeAxis.setRange(0, 112);
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setItemMargin(0.05);
        for (int i = 0; i < strategies.size(); i++) {
            bars.setSeriesPaint(i, color(strategies.get(i)));
        }
        bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}%", decimals("0")));
        bars.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        bars.setDefaultItemLabelsVisible(true);
        bars.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12,
                TextAnchor.BOTTOM_CENTER));
        CategoryPlot bottom = new CategoryPlot(unsafe, null, unsafeAxis, bars);
        decorate(bottom);

        CategoryAxis scenarios = new CategoryAxis("concurrent deployers of one function (K), and 32 different "
                + "functions at once");
        scenarios.setLabelFont(AXIS);
        scenarios.setTickLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        CombinedDomainCategoryPlot plot = new CombinedDomainCategoryPlot(scenarios);
        plot.add(top, 3);
        plot.add(bottom, 2);
        plot.setGap(18);
        plot.setFixedLegendItems(bottom.getLegendItems());

        JFreeChart chart = new JFreeChart("Lambda deployments side by side: time, and deployments that failed or were"
                + " lost", new Font(Font.SANS_SERIF, Font.BOLD, 20), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        Map<String, Object> s = report.settings();
        chart.addSubtitle(new TextTitle("Simulator: update " + s.get("updateDelayMs") + " ms, publish "
                + s.get("publishDelayMs") + " ms, AWS quotas enforced. Lower is better. Failed deployments end early:"
                + " a low time with failures is not speed.",
                new Font(Font.SANS_SERIF, Font.PLAIN, 14)));
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        legend.setPosition(RectangleEdge.TOP);
        return chart;
    }

    private static NumberAxis axis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setLabelFont(AXIS);
        axis.setTickLabelFont(TICKS);
        return axis;
    }

    private static void decorate(CategoryPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setOutlineVisible(false);
    }

    private static ValueMarker marker(double value, String label, Paint paint) {
        ValueMarker marker = new ValueMarker(value, paint, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        marker.setLabel(label);
        marker.setLabelFont(new Font(Font.SANS_SERIF, Font.ITALIC, 13));
        marker.setLabelPaint(paint);
        marker.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        marker.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
        return marker;
    }

    private static DecimalFormat decimals(String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    private static Color color(Object strategy) {
        return COLORS.getOrDefault(String.valueOf(strategy), Color.GRAY);
    }
}
