/*
 * Copyright 2026 The Flink Stream ML Authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except
 * in compliance with the License. You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software distributed under the License
 * is distributed on an "AS IS" BASIS, WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express
 * or implied. See the License for the specific language governing permissions and limitations under
 * the License.
 */
package io.streamml.examples.fraud;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Prequential AUC (left axis) and log-loss (right axis) per window, drift and alarms marked. */
final class FraudChart {
    private FraudChart() {}

    static void write(FraudDetection.Report report, long driftAt, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYSeries auc = new XYSeries("prequential AUC");
        XYSeries logLoss = new XYSeries("prequential log-loss");
        for (double[] point : report.points) {
            auc.add(point[0], point[1]);
            logLoss.add(point[0], point[2]);
        }

        XYPlot plot = new XYPlot();
        plot.setDomainAxis(new NumberAxis("transactions seen"));
        NumberAxis aucAxis = new NumberAxis("AUC");
        aucAxis.setAutoRangeIncludesZero(false);
        plot.setRangeAxis(0, aucAxis);
        plot.setDataset(0, new XYSeriesCollection(auc));
        plot.setRenderer(0, renderer(new Color(0x1f77b4)));
        plot.setRangeAxis(1, new NumberAxis("log-loss"));
        plot.setDataset(1, new XYSeriesCollection(logLoss));
        plot.setRenderer(1, renderer(new Color(0xd62728)));
        plot.mapDatasetToRangeAxis(1, 1);

        // The change's label sits left of its line, the alarms' right of theirs.
        plot.addDomainMarker(
                marker(driftAt, "pattern change", Color.BLACK, 2.5f, TextAnchor.TOP_RIGHT));
        for (long alarm : report.alarms) {
            plot.addDomainMarker(
                    marker(alarm, "drift alarm", new Color(0xff7f0e), 1.5f, TextAnchor.TOP_LEFT));
        }

        JFreeChart chart =
                new JFreeChart(
                        "Fraud detection: prequential metrics per window",
                        JFreeChart.DEFAULT_TITLE_FONT,
                        plot,
                        true);
        chart.setBackgroundPaint(Color.WHITE);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 1000, 560);
    }

    private static XYLineAndShapeRenderer renderer(Color color) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, color);
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        return renderer;
    }

    private static ValueMarker marker(
            double x, String label, Color color, float width, TextAnchor side) {
        ValueMarker marker =
                new ValueMarker(
                        x,
                        color,
                        new BasicStroke(
                                width,
                                BasicStroke.CAP_BUTT,
                                BasicStroke.JOIN_MITER,
                                10f,
                                new float[] {6f, 4f},
                                0f));
        marker.setLabel(label);
        marker.setLabelPaint(color);
        marker.setLabelAnchor(
                side == TextAnchor.TOP_RIGHT
                        ? RectangleAnchor.TOP_LEFT
                        : RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(side);
        return marker;
    }
}
