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
package io.streamml.common.model;

import io.streamml.common.input.InvalidRowPolicy;
import io.streamml.common.table.InternalFields;
import io.streamml.common.table.TableRows;
import io.streamml.linear.LinearModelData;
import io.streamml.linear.LinearScorer;

import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.ml.linalg.Vectors;
import org.apache.flink.ml.linalg.typeinfo.DenseVectorTypeInfo;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.apache.flink.streaming.util.TwoInputStreamOperatorTestHarness;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RawValueData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.RowType;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * How {@link LatestModelScoringOperator} passes on its inputs' idleness: rows that wait for a model
 * version while the inputs are idle (an idle Kafka partition after the rows were read) must still
 * come out with their watermark, which an idle output would drop.
 */
class LatestModelScoringOperatorTest {
    private static final DataType FEATURES = TableRows.columnType(DenseVectorTypeInfo.INSTANCE);
    private static final DataType MARGIN = TableRows.columnType(Types.DOUBLE);

    private static TwoInputStreamOperatorTestHarness<RowData, LinearModelData, RowData> harness()
            throws Exception {
        List<DataType> inputTypes = List.of(FEATURES);
        LatestModelScoringOperator<LinearModelData> operator =
                new LatestModelScoringOperator<>(
                        "LinearRegressionModel",
                        LinearScorer.regression(
                                new InvalidRowPolicy("LinearRegressionModel", "error"),
                                "features",
                                0),
                        InternalTypeInfo.of(
                                (RowType)
                                        DataTypes.ROW(DataTypes.FIELD("features", FEATURES))
                                                .getLogicalType()),
                        new InternalFields(inputTypes),
                        new int[] {0},
                        new InternalFields(List.of(MARGIN)),
                        LinearModelData.SCHEMA.modelType(),
                        false,
                        null);
        TwoInputStreamOperatorTestHarness<RowData, LinearModelData, RowData> harness =
                new TwoInputStreamOperatorTestHarness<>(operator);
        harness.setup(
                TableRows.internalType(List.of("features", "margin"), List.of(FEATURES, MARGIN))
                        .createSerializer(new ExecutionConfig()));
        harness.open();
        return harness;
    }

    private static StreamRecord<RowData> row(long timestamp, double... features) {
        return new StreamRecord<>(
                GenericRowData.of(RawValueData.fromObject(Vectors.dense(features))), timestamp);
    }

    /** What the operator emitted, in order: margins (of records), watermarks and statuses. */
    private static List<Object> emitted(
            TwoInputStreamOperatorTestHarness<RowData, LinearModelData, RowData> harness) {
        List<Object> out = new ArrayList<>();
        for (Object element : harness.getOutput()) {
            if (element instanceof StreamRecord) {
                RowData scored = (RowData) ((StreamRecord<?>) element).getValue();
                out.add(scored.getDouble(1));
            } else {
                out.add(element);
            }
        }
        harness.getOutput().clear();
        return out;
    }

    @Test
    void testRowsWaitingWhileInputsGoIdleComeOutWithTheirWatermark() throws Exception {
        try (TwoInputStreamOperatorTestHarness<RowData, LinearModelData, RowData> harness =
                harness()) {
            harness.processElement1(row(10, 1, 2));
            harness.processElement1(row(20, 3, -1));
            harness.processWatermark1(new Watermark(50));
            harness.processWatermarkStatus1(WatermarkStatus.IDLE);
            harness.processWatermarkStatus2(WatermarkStatus.IDLE);
            // Both rows wait for a model: the watermark stops short of them, and the output stays
            // active.
            assertEquals(List.of(new Watermark(9)), emitted(harness));

            harness.processElement2(
                    new StreamRecord<>(
                            new LinearModelData(new DenseVector(new double[] {0.5, 2}), 1, 1, 0)));
            // x·β + b by hand, then the held watermark, then the inputs' idleness.
            assertEquals(
                    List.of(
                            1 * 0.5 + 2 * 2 + 1.0,
                            3 * 0.5 - 1 * 2 + 1.0,
                            new Watermark(50),
                            WatermarkStatus.IDLE),
                    emitted(harness));

            // Active again with the rows input; a row now scores at once.
            harness.processWatermarkStatus1(WatermarkStatus.ACTIVE);
            harness.processElement1(row(60, 2, 0));
            harness.processWatermark1(new Watermark(70));
            assertEquals(
                    List.of(WatermarkStatus.ACTIVE, 2 * 0.5 + 1.0, new Watermark(70)),
                    emitted(harness));
        }
    }

    @Test
    void testIdleInputsWithNoRowWaitingMakeTheOutputIdle() throws Exception {
        try (TwoInputStreamOperatorTestHarness<RowData, LinearModelData, RowData> harness =
                harness()) {
            harness.processElement2(
                    new StreamRecord<>(
                            new LinearModelData(new DenseVector(new double[] {1, 1}), 0, 1, 0)));
            harness.processElement1(row(10, 1, 2));
            harness.processWatermark1(new Watermark(10));
            harness.processWatermarkStatus1(WatermarkStatus.IDLE);
            // One idle input of two is not yet an idle output.
            assertEquals(List.of(3.0, new Watermark(10)), emitted(harness));
            harness.processWatermarkStatus2(WatermarkStatus.IDLE);
            assertEquals(List.of(WatermarkStatus.IDLE), emitted(harness));
        }
    }
}
