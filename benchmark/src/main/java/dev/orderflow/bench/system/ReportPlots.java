package dev.orderflow.bench.system;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The report's PNG plots, rendered headless with XChart: throughput, latency and stage counts over time. */
final class ReportPlots {

    static final String THROUGHPUT = "throughput.png";
    static final String LATENCY = "latency.png";
    static final String STAGES = "stages.png";
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 500;

    private ReportPlots() {
    }

    static List<Path> write(RunFigures figures, Path directory) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<RunFigures.Second> series = figures.series();
        double[] x = series.stream().mapToDouble(RunFigures.Second::second).toArray();

        XYChart throughput = chart("Throughput over time", "orders (events) per second");
        add(throughput, "placed", x, series, RunFigures.Second::placed);
        add(throughput, "shipment accepted", x, series, RunFigures.Second::accepted);
        add(throughput, "delivered", x, series, RunFigures.Second::delivered);
        add(throughput, "events through the relay", x, series, RunFigures.Second::relayed);

        XYChart latency = chart("Latency placed → shipment accepted, of the orders accepted in each second",
                "milliseconds");
        List<RunFigures.Second> withLatency = series.stream().filter(s -> s.latencyP50() >= 0).toList();
        double[] lx = withLatency.stream().mapToDouble(RunFigures.Second::second).toArray();
        add(latency, "p50", lx, withLatency, RunFigures.Second::latencyP50);
        add(latency, "p99", lx, withLatency, RunFigures.Second::latencyP99);

        XYChart stages = chart("Orders per stage over time", "orders");
        List<RunFigures.Second> sampled = series.stream().filter(s -> !s.stages().isEmpty()).toList();
        double[] sx = sampled.stream().mapToDouble(RunFigures.Second::second).toArray();
        Set<OrderStage> seen = EnumSet.noneOf(OrderStage.class);
        sampled.forEach(s -> s.stages().forEach((stage, count) -> {
            if (count > 0) {
                seen.add(stage);
            }
        }));
        for (OrderStage stage : seen) {
            add(stages, stage.name().toLowerCase(java.util.Locale.ROOT), sx, sampled,
                    s -> s.stages().getOrDefault(stage, 0L));
        }

        List<Path> files = new ArrayList<>();
        files.add(save(throughput, directory.resolve(THROUGHPUT)));
        files.add(save(latency, directory.resolve(LATENCY)));
        files.add(save(stages, directory.resolve(STAGES)));
        return files;
    }

    private static XYChart chart(String title, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("seconds since the first order").yAxisTitle(yTitle).build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setMarkerSize(0);
        return chart;
    }

    private static void add(XYChart chart, String name, double[] x, List<RunFigures.Second> series,
                            ToLongFunction<RunFigures.Second> y) {
        if (x.length == 0) {
            return;    // XChart refuses empty series; an empty plot still says there was nothing
        }
        chart.addSeries(name, x, series.stream().mapToDouble(s -> y.applyAsLong(s)).toArray())
                .setMarker(SeriesMarkers.NONE);
    }

    private static Path save(XYChart chart, Path file) throws IOException {
        if (chart.getSeriesMap().isEmpty()) {
            chart.addSeries("no data", new double[] {0}, new double[] {0});    // XChart cannot draw no series
        }
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        return file;
    }
}
