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
package io.streamml.evaluation.regression;

import io.streamml.common.input.InvalidInputException;
import io.streamml.common.model.ModelScoring;
import io.streamml.common.model.StageMetadata;
import io.streamml.common.serialization.SelfSerializingCodec;
import io.streamml.common.table.RowTypes;
import io.streamml.evaluation.common.BoundedEvaluation;
import io.streamml.evaluation.common.MetricsAccumulation;
import io.streamml.evaluation.metrics.RegressionMetrics;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.ml.api.AlgoOperator;
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
 * Evaluates regression predictions on a bounded Table into one row: RMSE, MSE, MAE, R² and
 * explained variance, optionally weighted, from numerically stable mergeable moments.
 */
public class RegressionEvaluator
        implements AlgoOperator<RegressionEvaluator>,
                RegressionEvaluatorParams<RegressionEvaluator> {
    static final String STAGE = "RegressionEvaluator";

    private final Map<Param<?>, Object> paramMap = new HashMap<>();

    public RegressionEvaluator() {
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
        int[] columns = {
            ModelScoring.numberColumnIndex(STAGE, inputType, getPredictionCol()),
            ModelScoring.numberColumnIndex(STAGE, inputType, getLabelCol()),
            getWeightCol() == null
                    ? -1
                    : ModelScoring.numberColumnIndex(STAGE, inputType, getWeightCol())
        };
        String[] columnNames = {getPredictionCol(), getLabelCol(), getWeightCol()};
        return new Table[] {
            BoundedEvaluation.evaluate(
                    STAGE,
                    inputs[0],
                    new Accumulation(columns, columnNames, names),
                    new RowTypeInfo(types, names))
        };
    }

    private static final class Accumulation implements MetricsAccumulation<RegressionMetrics> {
        private static final long serialVersionUID = 1L;
        private final int[] columns;
        private final String[] columnNames;
        private final String[] names;

        Accumulation(int[] columns, String[] columnNames, String[] names) {
            this.columns = columns;
            this.columnNames = columnNames;
            this.names = names;
        }

        @Override
        public RegressionMetrics create() {
            return new RegressionMetrics();
        }

        @Override
        public void add(RegressionMetrics metrics, Row row) {
            double[] values = {0, 0, 1};
            for (int i = 0; i < 3; i++) {
                if (columns[i] < 0) {
                    continue;
                }
                Object value = row.getField(columns[i]);
                if (!(value instanceof Number)
                        || !Double.isFinite(((Number) value).doubleValue())) {
                    throw new InvalidInputException(
                            STAGE, columnNames[i], value, "expected a finite number");
                }
                values[i] = ((Number) value).doubleValue();
            }
            try {
                metrics.accumulate(values[0], values[1], values[2]);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(STAGE, columnNames[2], values[2], e.getMessage());
            }
        }

        @Override
        public void merge(RegressionMetrics into, RegressionMetrics from) {
            into.merge(from);
        }

        @Override
        public Row result(RegressionMetrics metrics) {
            Row row = new Row(names.length);
            for (int i = 0; i < names.length; i++) {
                row.setField(i, value(metrics, names[i]));
            }
            return row;
        }

        private static double value(RegressionMetrics metrics, String name) {
            switch (name) {
                case RMSE:
                    return metrics.rootMeanSquaredError();
                case MSE:
                    return metrics.meanSquaredError();
                case MAE:
                    return metrics.meanAbsoluteError();
                case R2:
                    return metrics.r2();
                default:
                    return metrics.explainedVariance();
            }
        }

        @Override
        public TypeInformation<RegressionMetrics> accumulatorType() {
            return SelfSerializingCodec.typeOf(RegressionMetrics.class);
        }
    }

    @Override
    public void save(String path) throws IOException {
        StageMetadata.save(this, path);
    }

    public static RegressionEvaluator load(StreamExecutionEnvironment env, String path)
            throws IOException {
        return StageMetadata.load(path, RegressionEvaluator.class);
    }
}
