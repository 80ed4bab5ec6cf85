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
package io.streamml.benchmarks.report;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.List;

/** The report's chart: one horizontal bar per ratio on a log axis, coloured by kind. */
final class RatioChart {
    private static final Color PEER = new Color(0x1f77b4);
    private static final Color LIMIT = new Color(0xff7f0e);
    private static final int WIDTH = 1000;
    private static final int BAR_HEIGHT = 26;

    private RatioChart() {}

    static void write(List<Ratio> ratios, String subtitle, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (Ratio ratio : ratios) {
            dataset.addValue(ratio.value, "ratio", ratio.label);
        }
        double min = ratios.stream().mapToDouble(r -> r.value).min().orElse(1);
        double max = ratios.stream().mapToDouble(r -> r.value).max().orElse(1);
        LogAxis axis = new LogAxis("ratio (log scale)");
        // Whole decades, with room for the value labels right of the longest bar.
        axis.setTickUnit(new NumberTickUnit(1));
        axis.setNumberFormatOverride(new DecimalFormat("0.###"));
        axis.setRange(Math.min(0.5, min / 2), Math.max(2, max * 3));
        BarRenderer renderer =
                new BarRenderer() {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public Paint getItemPaint(int row, int column) {
                        return ratios.get(column).kind == Ratio.Kind.VERSUS_PEER ? PEER : LIMIT;
                    }
                };
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDefaultItemLabelGenerator(
                new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat("0.00")));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultPositiveItemLabelPosition(
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        CategoryAxis labels = new CategoryAxis();
        labels.setMaximumCategoryLabelWidthRatio(0.45f);
        CategoryPlot plot = new CategoryPlot(dataset, labels, axis, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.addRangeMarker(new ValueMarker(1.0, Color.BLACK, new BasicStroke(1.5f)));
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(new LegendItem(Ratio.Kind.VERSUS_PEER.legend, PEER));
        legend.add(new LegendItem(Ratio.Kind.OF_LIMIT.legend, LIMIT));
        plot.setFixedLegendItems(legend);
        JFreeChart chart =
                new JFreeChart(
                        "Flink Stream ML: ratios from one run",
                        new Font(Font.SANS_SERIF, Font.BOLD, 16),
                        plot,
                        true);
        chart.addSubtitle(new TextTitle(subtitle));
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, 160 + BAR_HEIGHT * ratios.size());
    }
}
