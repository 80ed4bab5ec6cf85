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
package io.streamml.evaluation.binaryclassification;

import io.streamml.common.input.InvalidInputException;
import io.streamml.common.model.ModelScoring;
import io.streamml.common.model.StageMetadata;
import io.streamml.common.table.InputBoundedness;
import io.streamml.common.table.RowTypes;
import io.streamml.common.table.TableEnvironments;
import io.streamml.common.table.TableRows;
import io.streamml.evaluation.metrics.ScoreHistogram;
import io.streamml.evaluation.metrics.ScoreRangeSummary;
import io.streamml.evaluation.metrics.WeightedConfusionMatrix;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.ml.api.AlgoOperator;
import org.apache.flink.ml.linalg.Vector;
import org.apache.flink.ml.param.Param;
import org.apache.flink.ml.util.ParamUtils;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.Table;
import org.apache.flink.types.Row;
import org.apache.flink.util.Preconditions;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Evaluates binary predictions on a bounded Table into one row with the chosen metrics: exact
 * areaUnderROC (ties count ½) and areaUnderPR (average precision), logLoss, and accuracy,
 * precision, recall and F1 at the threshold — all optionally weighted. The score is the probability
 * of class 1: element 1 of a rawPrediction vector [1 − p, p], or a number.
 *
 * <p>The work is spread over the job's parallelism as in Flink ML 2.3: the rows are
 * range-partitioned by score and each range is swept where it lands; a single task only gets, per
 * subtask, a sample of at most 256 of its scores, its weights per range and one range's summary.
 */
public class BinaryClassificationEvaluator
        implements AlgoOperator<BinaryClassificationEvaluator>,
                BinaryClassificationEvaluatorParams<BinaryClassificationEvaluator> {
    static final String STAGE = "BinaryClassificationEvaluator";

    private final Map<Param<?>, Object> paramMap = new HashMap<>();

    public BinaryClassificationEvaluator() {
        ParamUtils.initializeMapWithDefaultValues(paramMap, this);
    }

    @Override
    public Map<Param<?>, Object> getParamMap() {
        return paramMap;
    }

    @Override
    public Table[] transform(Table... inputs) {
        Preconditions.checkArgument(inputs.length == 1, "%s takes one input table", STAGE);
        RowTypeInfo inputType = RowTypes.of(inputs[0].getResolvedSchema());
        String[] names = getMetricsNames();
        TypeInformation<?>[] types = new TypeInformation<?>[names.length];
        Arrays.fill(types, Types.DOUBLE);
        Reader reader =
                new Reader(
                        getRawPredictionCol(),
                        ModelScoring.columnIndex(STAGE, inputType, getRawPredictionCol()),
                        getLabelCol(),
                        ModelScoring.numberColumnIndex(STAGE, inputType, getLabelCol()),
                        getWeightCol(),
                        getWeightCol() == null
                                ? -1
                                : ModelScoring.numberColumnIndex(STAGE, inputType, getWeightCol()));
        DataStream<Row> rows = TableRows.of(inputs[0]);
        if (!InputBoundedness.isBounded(rows)) {
            throw new IllegalArgumentException(
                    STAGE + " evaluates bounded Tables; the input Table is unbounded.");
        }
        DataStream<Row> metrics =
                RangePartitionedEvaluation.evaluate(
                        STAGE,
                        rows,
                        reader,
                        getThreshold(),
                        new Metrics(names),
                        new RowTypeInfo(types, names));
        return new Table[] {TableEnvironments.of(inputs[0]).fromDataStream(metrics)};
    }

    /** Validates a row and adds its (score, label, weight) to a histogram. */
    private static final class Reader implements RangePartitionedEvaluation.SampleReader {
        private static final long serialVersionUID = 1L;
        private final String scoreCol;
        private final int scoreIndex;
        private final String labelCol;
        private final int labelIndex;
        private final String weightCol;
        private final int weightIndex;

        Reader(
                String scoreCol,
                int scoreIndex,
                String labelCol,
                int labelIndex,
                String weightCol,
                int weightIndex) {
            this.scoreCol = scoreCol;
            this.scoreIndex = scoreIndex;
            this.labelCol = labelCol;
            this.labelIndex = labelIndex;
            this.weightCol = weightCol;
            this.weightIndex = weightIndex;
        }

        @Override
        public void addTo(ScoreHistogram histogram, Row row) {
            Object raw = row.getField(scoreIndex);
            Object label = row.getField(labelIndex);
            if (raw == null
                    || !(raw instanceof Vector || raw instanceof Number)
                    || raw instanceof Vector && ((Vector) raw).size() != 2) {
                throw new InvalidInputException(
                        STAGE, scoreCol, raw, "expected a [1 − p, p] vector or a probability");
            }
            if (!(label instanceof Number)) {
                throw new InvalidInputException(STAGE, labelCol, label, "expected a number");
            }
            double score =
                    raw instanceof Vector ? ((Vector) raw).get(1) : ((Number) raw).doubleValue();
            Object weightValue = weightIndex < 0 ? 1.0 : row.getField(weightIndex);
            if (!(weightValue instanceof Number)) {
                throw new InvalidInputException(STAGE, weightCol, weightValue, "expected a number");
            }
            double weight = ((Number) weightValue).doubleValue();
            double y = ((Number) label).doubleValue();
            // Checked here, not only by the histogram, to name the column at fault.
            if (!(score >= 0 && score <= 1)) {
                throw new InvalidInputException(
                        STAGE, scoreCol, score, "scores must be probabilities in [0, 1]");
            }
            if (y != 0 && y != 1) {
                throw new InvalidInputException(STAGE, labelCol, label, "labels must be 0 or 1");
            }
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new InvalidInputException(
                        STAGE, weightCol, weightValue, "weights must be finite and non-negative");
            }
            histogram.add(score, y, weight);
        }
    }

    /** The requested metrics, in order, of the summary of all score ranges. */
    private static final class Metrics implements RangePartitionedEvaluation.ResultRow {
        private static final long serialVersionUID = 1L;
        private final String[] names;

        Metrics(String[] names) {
            this.names = names;
        }

        @Override
        public Row of(ScoreRangeSummary summary) {
            WeightedConfusionMatrix atThreshold = summary.confusionMatrix();
            Row row = new Row(names.length);
            for (int i = 0; i < names.length; i++) {
                row.setField(i, value(summary, atThreshold, names[i]));
            }
            return row;
        }

        private static double value(
                ScoreRangeSummary summary, WeightedConfusionMatrix atThreshold, String name) {
            switch (name) {
                case AREA_UNDER_ROC:
                    return summary.areaUnderROC();
                case AREA_UNDER_PR:
                    return summary.areaUnderPR();
                case LOG_LOSS:
                    return summary.logLoss();
                case ACCURACY:
                    return atThreshold.accuracy();
                case PRECISION:
                    return atThreshold.precision();
                case RECALL:
                    return atThreshold.recall();
                default:
                    return atThreshold.f1();
            }
        }
    }

    @Override
    public void save(String path) throws IOException {
        StageMetadata.save(this, path);
    }

    public static BinaryClassificationEvaluator load(StreamExecutionEnvironment env, String path)
            throws IOException {
        return StageMetadata.load(path, BinaryClassificationEvaluator.class);
    }
}
