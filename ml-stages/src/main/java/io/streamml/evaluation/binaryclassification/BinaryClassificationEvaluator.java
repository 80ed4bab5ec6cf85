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
import io.streamml.common.serialization.SelfSerializingCodec;
import io.streamml.common.table.RowTypes;
import io.streamml.evaluation.common.BoundedEvaluation;
import io.streamml.evaluation.common.MetricsAccumulation;
import io.streamml.evaluation.metrics.BinaryClassificationAccumulator;
import io.streamml.evaluation.metrics.BinaryClassificationMetrics;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.ml.api.AlgoOperator;
import org.apache.flink.ml.linalg.Vector;
import org.apache.flink.ml.param.Param;
import org.apache.flink.ml.util.ParamUtils;
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
        Accumulation accumulation =
                new Accumulation(
                        getRawPredictionCol(),
                        ModelScoring.columnIndex(STAGE, inputType, getRawPredictionCol()),
                        getLabelCol(),
                        ModelScoring.numberColumnIndex(STAGE, inputType, getLabelCol()),
                        getWeightCol(),
                        getWeightCol() == null
                                ? -1
                                : ModelScoring.numberColumnIndex(STAGE, inputType, getWeightCol()),
                        getThreshold(),
                        names);
        return new Table[] {
            BoundedEvaluation.evaluate(
                    STAGE, inputs[0], accumulation, new RowTypeInfo(types, names))
        };
    }

    private static final class Accumulation
            implements MetricsAccumulation<BinaryClassificationAccumulator> {
        private static final long serialVersionUID = 1L;
        private final String scoreCol;
        private final int scoreIndex;
        private final String labelCol;
        private final int labelIndex;
        private final String weightCol;
        private final int weightIndex;
        private final double threshold;
        private final String[] names;

        Accumulation(
                String scoreCol,
                int scoreIndex,
                String labelCol,
                int labelIndex,
                String weightCol,
                int weightIndex,
                double threshold,
                String[] names) {
            this.weightCol = weightCol;
            this.scoreCol = scoreCol;
            this.scoreIndex = scoreIndex;
            this.labelCol = labelCol;
            this.labelIndex = labelIndex;
            this.weightIndex = weightIndex;
            this.threshold = threshold;
            this.names = names;
        }

        @Override
        public BinaryClassificationAccumulator create() {
            return new BinaryClassificationAccumulator();
        }

        @Override
        public void add(BinaryClassificationAccumulator accumulator, Row row) {
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
            // Checked here, not only by the accumulator, to name the column at fault.
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
            accumulator.add(score, y, weight);
        }

        @Override
        public void merge(
                BinaryClassificationAccumulator into, BinaryClassificationAccumulator from) {
            into.merge(from);
        }

        @Override
        public Row result(BinaryClassificationAccumulator accumulator) {
            BinaryClassificationMetrics metrics = accumulator.metrics();
            Row row = new Row(names.length);
            for (int i = 0; i < names.length; i++) {
                row.setField(i, value(metrics, names[i]));
            }
            return row;
        }

        private double value(BinaryClassificationMetrics metrics, String name) {
            switch (name) {
                case AREA_UNDER_ROC:
                    return metrics.areaUnderROC();
                case AREA_UNDER_PR:
                    return metrics.areaUnderPR();
                case LOG_LOSS:
                    return metrics.logLoss();
                case ACCURACY:
                    return metrics.accuracy(threshold);
                case PRECISION:
                    return metrics.precision(threshold);
                case RECALL:
                    return metrics.recall(threshold);
                default:
                    return metrics.f1(threshold);
            }
        }

        @Override
        public TypeInformation<BinaryClassificationAccumulator> accumulatorType() {
            return SelfSerializingCodec.typeOf(BinaryClassificationAccumulator.class);
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
