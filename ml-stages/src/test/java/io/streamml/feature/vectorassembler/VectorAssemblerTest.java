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
package io.streamml.feature.vectorassembler;

import io.streamml.builder.Pipeline;
import io.streamml.builder.PipelineModel;
import io.streamml.classification.logisticregression.LogisticRegression;
import io.streamml.common.input.InvalidInputException;
import io.streamml.common.input.InvalidRowPolicy;
import io.streamml.common.window.EventTimeTumblingWindows;
import io.streamml.feature.standardscaler.StandardScaler;
import io.streamml.testutil.ControllableSource;
import io.streamml.testutil.MiniClusterExtension;
import io.streamml.testutil.SyntheticData;
import io.streamml.testutil.TestJob;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.ml.api.Stage;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.ml.linalg.SparseVector;
import org.apache.flink.ml.linalg.Vector;
import org.apache.flink.ml.linalg.Vectors;
import org.apache.flink.streaming.api.windowing.time.Time;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.types.logical.utils.LogicalTypeChecks;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Tests {@link VectorAssembler} and its {@link RowAssembler}. */
class VectorAssemblerTest {
    @RegisterExtension static final MiniClusterExtension CLUSTER = new MiniClusterExtension();

    private static final String TRANSFORM = "VectorAssembler.transform";

    // Flink ML 2.3.0's fixtures: apache/flink-ml, tag release-2.3.0,
    // flink-ml-lib/src/test/java/org/apache/flink/ml/feature/VectorAssemblerTest.java
    // (INPUT_DATA, INPUT_NULL_DATA, INPUT_NAN_DATA and EXPECTED_OUTPUT_DATA_1 to _5).

    private static final String[] FIXTURE_COLUMNS = {"id", "vec", "num", "sparseVec"};
    private static final TypeInformation<?>[] FIXTURE_TYPES = {
        Types.INT,
        TypeInformation.of(DenseVector.class),
        Types.DOUBLE,
        TypeInformation.of(SparseVector.class)
    };

    private static final SparseVector ONE_ENTRY =
            Vectors.sparse(5, new int[] {3}, new double[] {1});

    /** Unsorted indices on purpose, as in Flink ML's fixture. */
    private static SparseVector fourEntries() {
        return Vectors.sparse(5, new int[] {4, 2, 3, 1}, new double[] {4, 2, 3, 1});
    }

    private static List<Row> fixture() {
        return Arrays.asList(
                Row.of(0, Vectors.dense(2.1, 3.1), 1.0, ONE_ENTRY),
                Row.of(1, Vectors.dense(2.1, 3.1), 1.0, fourEntries()),
                Row.of(2, Vectors.dense(2.0, 2.1), 1.0, fourEntries()));
    }

    private static List<Row> fixtureWithNaN() {
        List<Row> rows = fixture();
        rows.get(2).setField(2, Double.NaN);
        return rows;
    }

    private static List<Row> fixtureWithNulls() {
        List<Row> rows = fixture();
        rows.get(1).setField(1, null);
        rows.get(2).setField(1, null);
        return rows;
    }

    private static final Vector EXPECTED_1 =
            Vectors.sparse(8, new int[] {0, 1, 2, 6}, new double[] {2.1, 3.1, 1.0, 1.0});
    private static final Vector EXPECTED_2 = Vectors.dense(2.1, 3.1, 1.0, 0.0, 1.0, 2.0, 3.0, 4.0);
    private static final Vector EXPECTED_3 = Vectors.dense(2.0, 2.1, 1.0, 0.0, 1.0, 2.0, 3.0, 4.0);
    private static final Vector EXPECTED_4 =
            Vectors.dense(Double.NaN, Double.NaN, 1.0, 0.0, 1.0, 2.0, 3.0, 4.0);
    private static final Vector EXPECTED_5 =
            Vectors.dense(2.0, 2.1, Double.NaN, 0.0, 1.0, 2.0, 3.0, 4.0);

    private static VectorAssembler fixtureAssembler(String handleInvalid, Integer... sizes) {
        return new VectorAssembler()
                .setInputCols("vec", "num", "sparseVec")
                .setOutputCol("assembledVec")
                .setInputSizes(sizes)
                .setHandleInvalid(handleInvalid);
    }

    /** Runs the assembler on {@code rows}; the assembled vectors by id. */
    private static Vector[] assembleFixture(TestJob job, VectorAssembler assembler, List<Row> rows)
            throws Exception {
        Table output =
                assembler.transform(job.boundedTable(FIXTURE_COLUMNS, FIXTURE_TYPES, rows))[0];
        Vector[] byId = new Vector[rows.size()];
        for (Row row : job.collect(output)) {
            byId[(Integer) row.getField("id")] = (Vector) row.getField("assembledVec");
        }
        return byId;
    }

    @Test
    void testParam() {
        VectorAssembler assembler = new VectorAssembler();
        assertEquals("error", assembler.getHandleInvalid());
        assertEquals("output", assembler.getOutputCol());
        // inputCols and inputSizes have no default: they must be set.
        assertThrows(IllegalArgumentException.class, assembler::getInputCols);
        assertThrows(IllegalArgumentException.class, assembler::getInputSizes);

        assembler
                .setInputCols("vec", "num", "sparseVec")
                .setOutputCol("assembledVec")
                .setInputSizes(2, 1, 5)
                .setHandleInvalid("keep");
        assertArrayEquals(new String[] {"vec", "num", "sparseVec"}, assembler.getInputCols());
        assertEquals("assembledVec", assembler.getOutputCol());
        assertArrayEquals(new Integer[] {2, 1, 5}, assembler.getInputSizes());
        assertEquals("keep", assembler.getHandleInvalid());
        assertEquals("skip", assembler.setHandleInvalid("skip").getHandleInvalid());

        assertThrows(IllegalArgumentException.class, () -> assembler.setHandleInvalid("drop"));
        assertThrows(IllegalArgumentException.class, () -> assembler.setInputSizes(2, 0, 5));
        assertThrows(IllegalArgumentException.class, () -> assembler.setInputSizes(-1));
        assertThrows(IllegalArgumentException.class, () -> assembler.setInputSizes());
        assertThrows(IllegalArgumentException.class, () -> assembler.setInputCols());
    }

    @Test
    void testOutputSchema() {
        TestJob job = TestJob.withParallelism(2);
        Table output =
                fixtureAssembler("keep", 2, 1, 5)
                        .transform(job.boundedTable(FIXTURE_COLUMNS, FIXTURE_TYPES, fixture()))[0];
        assertEquals(
                Arrays.asList("id", "vec", "num", "sparseVec", "assembledVec"),
                output.getResolvedSchema().getColumnNames());
        // Dense or sparse per row, so the column holds either.
        assertEquals(
                Vector.class,
                output.getResolvedSchema()
                        .getColumn("assembledVec")
                        .get()
                        .getDataType()
                        .getConversionClass());
    }

    private static final String[] TYPED_COLUMNS = {
        "id", "d", "f", "i", "l", "s", "t", "dec", "dense", "sparse"
    };
    private static final TypeInformation<?>[] TYPED_TYPES = {
        Types.INT,
        Types.DOUBLE,
        Types.FLOAT,
        Types.INT,
        Types.LONG,
        Types.SHORT,
        Types.BYTE,
        Types.BIG_DEC,
        TypeInformation.of(DenseVector.class),
        TypeInformation.of(SparseVector.class)
    };

    private static Row typedRow(int id, Vector dense, Vector sparse) {
        return Row.of(
                id, 1.5, 2.5f, -3, 4L, (short) 5, (byte) -6, new BigDecimal("7.25"), dense, sparse);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void testTransform(int parallelism) throws Exception {
        List<Row> rows =
                Arrays.asList(
                        typedRow(
                                0,
                                Vectors.dense(1, 2, 3),
                                Vectors.sparse(6, new int[] {1}, new double[] {7})),
                        typedRow(
                                1,
                                Vectors.dense(0, 0, 0),
                                Vectors.sparse(6, new int[0], new double[0])),
                        typedRow(
                                2,
                                Vectors.dense(1, 2, 3),
                                Vectors.sparse(
                                        6,
                                        new int[] {0, 1, 2, 3, 4, 5},
                                        new double[] {1, 2, 3, 4, 5, 6})));
        TestJob job = TestJob.withParallelism(parallelism);
        Table input = job.boundedTable(TYPED_COLUMNS, TYPED_TYPES, rows);
        // All columns; then, on that output, an INT and the sparse vector.
        Table all =
                new VectorAssembler()
                        .setInputCols("d", "f", "i", "l", "s", "t", "dec", "dense", "sparse")
                        .setInputSizes(1, 1, 1, 1, 1, 1, 1, 3, 6)
                        .setOutputCol("all")
                        .transform(input)[0];
        Table both =
                new VectorAssembler()
                        .setInputCols("i", "sparse")
                        .setInputSizes(1, 6)
                        .setOutputCol("few")
                        .transform(all)[0];
        List<Row> output = sortById(job.collect(both));

        double[] numbers = {1.5, 2.5, -3, 4, 5, -6, 7.25};
        Vector[] expectedAll = {
            // 11 of 16 entries stored: dense (11 · 1.5 > 16).
            Vectors.dense(concat(numbers, new double[] {1, 2, 3, 0, 7, 0, 0, 0, 0})),
            // 10 of 16 stored, the dense vector's zeros included: sparse (10 · 1.5 ≤ 16).
            Vectors.sparse(
                    16,
                    new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
                    concat(numbers, new double[] {0, 0, 0})),
            Vectors.dense(concat(numbers, new double[] {1, 2, 3, 1, 2, 3, 4, 5, 6}))
        };
        Vector[] expectedFew = {
            Vectors.sparse(7, new int[] {0, 2}, new double[] {-3, 7}),
            Vectors.sparse(7, new int[] {0}, new double[] {-3}),
            Vectors.dense(-3, 1, 2, 3, 4, 5, 6)
        };
        assertEquals(
                Arrays.asList(
                        "id", "d", "f", "i", "l", "s", "t", "dec", "dense", "sparse", "all", "few"),
                both.getResolvedSchema().getColumnNames());
        assertEquals(rows.size(), output.size());
        for (int r = 0; r < rows.size(); r++) {
            Row row = output.get(r);
            assertEquals(expectedAll[r], row.getField("all"));
            assertEquals(expectedFew[r], row.getField("few"));
            // The input columns pass through unchanged (the DECIMAL at the column's scale).
            for (int c = 0; c < TYPED_COLUMNS.length; c++) {
                Object in = rows.get(r).getField(c);
                Object out = row.getField(c);
                if (in instanceof BigDecimal) {
                    assertEquals(0, ((BigDecimal) in).compareTo((BigDecimal) out), "dec");
                } else {
                    assertEquals(in, out, TYPED_COLUMNS[c]);
                }
            }
        }
    }

    @Test
    void testFlinkMlFixturesWithHandleInvalidKeep() throws Exception {
        TestJob job = TestJob.withParallelism(2);
        // A null vector becomes NaNs of its declared size; a NaN number stays.
        assertArrayEquals(
                new Vector[] {EXPECTED_1, EXPECTED_4, EXPECTED_4},
                assembleFixture(job, fixtureAssembler("keep", 2, 1, 5), fixtureWithNulls()));
        assertArrayEquals(
                new Vector[] {EXPECTED_1, EXPECTED_2, EXPECTED_5},
                assembleFixture(job, fixtureAssembler("keep", 2, 1, 5), fixtureWithNaN()));
        // As in Flink ML 2.3, "keep" assembles a vector of another size than declared as it is.
        assertArrayEquals(
                new Vector[] {EXPECTED_1, EXPECTED_2, EXPECTED_3},
                assembleFixture(job, fixtureAssembler("keep", 2, 1, 4), fixture()));
        assertEquals(0, job.counter(CLUSTER, TRANSFORM, InvalidRowPolicy.SKIPPED_ROWS_METRIC));
    }

    @Test
    void testFlinkMlFixturesWithHandleInvalidSkip() throws Exception {
        TestJob nulls = TestJob.withParallelism(2);
        assertArrayEquals(
                new Vector[] {EXPECTED_1, null, null},
                assembleFixture(nulls, fixtureAssembler("skip", 2, 1, 5), fixtureWithNulls()));
        assertEquals(2, nulls.counter(CLUSTER, TRANSFORM, InvalidRowPolicy.SKIPPED_ROWS_METRIC));

        TestJob nan = TestJob.withParallelism(2);
        assertArrayEquals(
                new Vector[] {EXPECTED_1, EXPECTED_2, null},
                assembleFixture(nan, fixtureAssembler("skip", 2, 1, 5), fixtureWithNaN()));
        assertEquals(1, nan.counter(CLUSTER, TRANSFORM, InvalidRowPolicy.SKIPPED_ROWS_METRIC));

        TestJob sizes = TestJob.withParallelism(2);
        assertArrayEquals(
                new Vector[3],
                assembleFixture(sizes, fixtureAssembler("skip", 2, 1, 4), fixture()));
        assertEquals(3, sizes.counter(CLUSTER, TRANSFORM, InvalidRowPolicy.SKIPPED_ROWS_METRIC));
    }

    @Test
    void testFlinkMlFixturesWithHandleInvalidError() {
        // The message names stage, column and reason, a vector only by class and size, and none
        // of the row's other values.
        assertFailsWith(
                fixtureAssembler("error", 2, 1, 5),
                fixtureWithNulls(),
                "VectorAssembler: invalid value in column 'vec' (null): the value is null.");
        assertFailsWith(
                fixtureAssembler("error", 2, 1, 5),
                fixtureWithNaN(),
                "VectorAssembler: invalid value in column 'num' (NaN): the value is NaN.");
        assertFailsWith(
                fixtureAssembler("error", 2, 1, 4),
                fixture(),
                "VectorAssembler: invalid value in column 'sparseVec' (a SparseVector of size 5):"
                        + " the vector has size 5 but inputSizes declares 4.");
    }

    private static void assertFailsWith(VectorAssembler assembler, List<Row> rows, String message) {
        TestJob job = TestJob.withParallelism(1);
        Exception e = assertThrows(Exception.class, () -> assembleFixture(job, assembler, rows));
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidInputException) {
                assertEquals(
                        message + " Set handleInvalid to 'skip' to drop and count such rows.",
                        cause.getMessage());
                return;
            }
        }
        fail("no InvalidInputException in", e);
    }

    @Test
    void testRowAssemblerDirectly() {
        RowAssembler error = new RowAssembler(new String[] {"a", "b"}, new int[] {1, 4}, "error");
        // Dense once stored entries × 1.5 exceed the size, as in Flink ML 2.3.
        SparseVector oneOfFour = Vectors.sparse(4, new int[] {2}, new double[] {9});
        assertEquals(
                Vectors.sparse(5, new int[] {0, 3}, new double[] {0.5, 9}),
                error.assemble(new Object[] {0.5, oneOfFour}));
        SparseVector threeOfFour = Vectors.sparse(4, new int[] {0, 1, 3}, new double[] {1, 2, 4});
        // 4 stored of 5: 6 > 5.
        assertEquals(
                Vectors.dense(0.5, 1, 2, 0, 4), error.assemble(new Object[] {0.5, threeOfFour}));
        RowAssembler pair = new RowAssembler(new String[] {"a", "b"}, new int[] {1, 2}, "error");
        // 2 stored of 3: 3 is not more than 3, so sparse.
        assertEquals(
                Vectors.sparse(3, new int[] {0, 2}, new double[] {1, 5}),
                pair.assemble(
                        new Object[] {1, Vectors.sparse(2, new int[] {1}, new double[] {5})}));
        // A single number: Flink ML 2.3's number-to-vector case.
        RowAssembler single = new RowAssembler(new String[] {"num"}, new int[] {1}, "error");
        assertEquals(Vectors.dense(3), single.assemble(new Object[] {3L}));
        // Infinite numbers and NaN inside vectors are the next stage's business.
        assertEquals(
                Vectors.dense(Double.POSITIVE_INFINITY, Double.NaN, 0, 0, 0),
                error.assemble(
                        new Object[] {
                            Double.POSITIVE_INFINITY, Vectors.dense(Double.NaN, 0, 0, 0)
                        }));

        // Under "skip" an invalid row gives null (counted once the operator opened the policy).
        RowAssembler skip = new RowAssembler(new String[] {"a", "b"}, new int[] {1, 4}, "skip");
        assertNull(skip.assemble(new Object[] {null, oneOfFour}));
        assertNull(skip.assemble(new Object[] {Float.NaN, oneOfFour}));
        assertNull(skip.assemble(new Object[] {1, Vectors.dense(1, 2)}));
        // Under "keep" a null number is one NaN (2 of 5 stored: sparse).
        RowAssembler keep = new RowAssembler(new String[] {"a", "b"}, new int[] {1, 4}, "keep");
        assertEquals(
                Vectors.sparse(5, new int[] {0, 3}, new double[] {Double.NaN, 9}),
                keep.assemble(new Object[] {null, oneOfFour}));
        // A value no column type allows is an error even under "keep".
        InvalidInputException e =
                assertThrows(
                        InvalidInputException.class,
                        () -> keep.assemble(new Object[] {"text", oneOfFour}));
        assertTrue(e.getMessage().contains("column 'a'"), e.getMessage());
        assertTrue(
                e.getMessage().contains("expected a number or a vector but got java.lang.String"),
                e.getMessage());
    }

    @Test
    void testColumnsOfOtherTypesAreRefusedBeforeTheJobRuns() {
        TestJob job = TestJob.withParallelism(2);
        Table input =
                job.boundedTable(
                        new String[] {"name", "flag", "array", "time", "num", "vec"},
                        new TypeInformation<?>[] {
                            Types.STRING,
                            Types.BOOLEAN,
                            Types.PRIMITIVE_ARRAY(Types.DOUBLE),
                            Types.INSTANT,
                            Types.DOUBLE,
                            TypeInformation.of(DenseVector.class)
                        });
        for (String column : new String[] {"name", "flag", "array", "time"}) {
            assertRefused(
                    () ->
                            new VectorAssembler()
                                    .setInputCols("num", column)
                                    .setInputSizes(1, 1)
                                    .transform(input),
                    "VectorAssembler: input column '" + column + "' has type ",
                    "expected a numeric column");
        }
        assertRefused(
                () ->
                        new VectorAssembler()
                                .setInputCols("num", "name")
                                .setInputSizes(1, 1)
                                .transform(input),
                "has type STRING");
        assertRefused(
                () ->
                        new VectorAssembler()
                                .setInputCols("num", "missing")
                                .setInputSizes(1, 1)
                                .transform(input),
                "VectorAssembler: input column 'missing' not found");
        assertRefused(
                () ->
                        new VectorAssembler()
                                .setInputCols("num", "vec")
                                .setInputSizes(2, 3)
                                .transform(input),
                "VectorAssembler: inputSizes declares size 2 for numeric column 'num'");
        assertRefused(
                () ->
                        new VectorAssembler()
                                .setInputCols("num", "vec")
                                .setInputSizes(1)
                                .transform(input),
                "inputCols has 2 columns but inputSizes has 1 sizes");
        assertRefused(
                () ->
                        new VectorAssembler()
                                .setInputCols("num", "vec")
                                .setInputSizes(1, 3)
                                .setOutputCol("vec")
                                .transform(input),
                "VectorAssembler: output column 'vec' already exists");
    }

    private static void assertRefused(Executable transform, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, transform);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), e.getMessage());
        }
    }

    @Test
    void testUnboundedInputRowByRow() throws Exception {
        TestJob job = TestJob.withParallelism(2).withObjectReuse();
        ControllableSource source = new ControllableSource();
        Table input = job.unboundedTable(source, FIXTURE_COLUMNS, FIXTURE_TYPES, false);
        Table output = fixtureAssembler("skip", 2, 1, 5).transform(input)[0];
        try (CloseableIterator<Row> it = job.start(output)) {
            List<Row> rows = fixture();
            source.release(rows.get(0));
            assertEquals(EXPECTED_1, TestJob.take(it, 1).get(0).getField("assembledVec"));
            // Each subtask gets an invalid row, then a valid one: once both valid rows are out,
            // both invalid ones were skipped.
            source.release(
                    Row.of(10, null, 1.0, ONE_ENTRY),
                    Row.of(11, Vectors.dense(1, 2), Double.NaN, ONE_ENTRY),
                    rows.get(1),
                    rows.get(2));
            List<Row> out = sortById(TestJob.take(it, 2));
            assertEquals(EXPECTED_2, out.get(0).getField("assembledVec"));
            assertEquals(EXPECTED_3, out.get(1).getField("assembledVec"));
        }
        assertEquals(2, job.counter(CLUSTER, TRANSFORM, InvalidRowPolicy.SKIPPED_ROWS_METRIC));
    }

    @Test
    void testTransformKeepsEventTimeForTheNextStage() throws Exception {
        TestJob job = TestJob.withParallelism(2);
        ControllableSource source = new ControllableSource();
        Table input = job.unboundedTable(source, FIXTURE_COLUMNS, FIXTURE_TYPES, true);
        Table assembled = fixtureAssembler("error", 2, 1, 5).transform(input)[0];
        assertEquals(
                Arrays.asList("id", "vec", "num", "sparseVec", "assembledVec", "rowtime"),
                assembled.getResolvedSchema().getColumnNames());
        assertTrue(
                LogicalTypeChecks.isRowtimeAttribute(
                        assembled
                                .getResolvedSchema()
                                .getColumn("rowtime")
                                .get()
                                .getDataType()
                                .getLogicalType()));
        // An event-time windowed stage reads the assembled column downstream.
        Table versions =
                new StandardScaler()
                        .setInputCol("assembledVec")
                        .setWindows(EventTimeTumblingWindows.of(Time.milliseconds(100)))
                        .fit(assembled)
                        .getModelData()[0];
        List<Row> rows = fixture();
        try (CloseableIterator<Row> it = job.start(versions)) {
            source.releaseAt(10, rows.get(1));
            source.releaseAt(60, rows.get(2));
            source.releaseAt(150, rows.get(0));
            source.watermark(99);
            Row version = TestJob.take(it, 1).get(0);
            assertEquals(100L, version.getField("timestamp"));
            // The window [0, 100) holds rows 1 and 2 only.
            double[] mean = new double[8];
            for (int j = 0; j < 8; j++) {
                mean[j] = (EXPECTED_2.get(j) + EXPECTED_3.get(j)) / 2;
            }
            assertArrayEquals(mean, ((DenseVector) version.getField("mean")).values, 1e-12);
        }
    }

    @Test
    void testRowtimeValuesPassThrough() throws Exception {
        TestJob job = TestJob.withParallelism(2);
        ControllableSource source = new ControllableSource();
        Table input = job.unboundedTable(source, FIXTURE_COLUMNS, FIXTURE_TYPES, true);
        Table assembled = fixtureAssembler("error", 2, 1, 5).transform(input)[0];
        try (CloseableIterator<Row> it = job.start(assembled)) {
            List<Row> rows = fixture();
            source.releaseAt(new long[] {10, 20, 30}, rows.toArray(new Row[0]));
            for (Row row : TestJob.take(it, 3)) {
                int id = (Integer) row.getField("id");
                assertEquals(Instant.ofEpochMilli(10L * (id + 1)), row.getField("rowtime"));
            }
        }
    }

    @Test
    void testSaveLoadAndTransform(@TempDir Path dir) throws Exception {
        VectorAssembler assembler = fixtureAssembler("skip", 2, 1, 5);
        String path = dir.resolve("assembler").toString();
        assembler.save(path);
        TestJob job = TestJob.withParallelism(2);
        VectorAssembler loaded = VectorAssembler.load(job.env, path);
        assertArrayEquals(assembler.getInputCols(), loaded.getInputCols());
        assertArrayEquals(assembler.getInputSizes(), loaded.getInputSizes());
        assertEquals(assembler.getOutputCol(), loaded.getOutputCol());
        assertEquals(assembler.getHandleInvalid(), loaded.getHandleInvalid());
        assertArrayEquals(
                new Vector[] {EXPECTED_1, EXPECTED_2, EXPECTED_3},
                assembleFixture(job, loaded, fixture()));

        // In a pipeline, loaded through its static load(env, path).
        String pipelinePath = dir.resolve("pipeline").toString();
        new Pipeline(Arrays.asList(fixtureAssembler("keep", 2, 1, 5))).save(pipelinePath);
        Stage<?> stage = Pipeline.load(job.env, pipelinePath).getStages().get(0);
        assertTrue(stage instanceof VectorAssembler);
        assertEquals("keep", ((VectorAssembler) stage).getHandleInvalid());
        assertArrayEquals(new Integer[] {2, 1, 5}, ((VectorAssembler) stage).getInputSizes());
    }

    // ------------------------------------------------ VectorAssembler → StandardScaler → LR

    private static final String[] NUMERIC_COLUMNS = {"id", "amount", "count", "ratio", "label"};
    private static final TypeInformation<?>[] NUMERIC_TYPES = {
        Types.INT, Types.DOUBLE, Types.INT, Types.FLOAT, Types.DOUBLE
    };
    private static final String[] VECTOR_COLUMNS = {"id", "features", "label"};
    private static final TypeInformation<?>[] VECTOR_TYPES = {
        Types.INT, TypeInformation.of(DenseVector.class), Types.DOUBLE
    };

    /** Logistic data as plain numeric columns on different scales, and the same as vectors. */
    private static List<Row>[] numericAndVectorRows(long seed, int n) {
        SyntheticData data = SyntheticData.logistic(seed, n, new double[] {2, -1.5, 1}, 0.3, false);
        List<Row> numeric = new ArrayList<>();
        List<Row> vectors = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            double[] x = data.features[r];
            double amount = 100 + 10 * x[0];
            int count = (int) Math.round(20 * x[1]);
            float ratio = (float) (-5 + 0.1 * x[2]);
            numeric.add(Row.of(r, amount, count, ratio, data.labels[r]));
            vectors.add(Row.of(r, Vectors.dense(amount, count, ratio), data.labels[r]));
        }
        @SuppressWarnings("unchecked")
        List<Row>[] both = new List[] {numeric, vectors};
        return both;
    }

    private static List<Stage<?>> scalerAndLogisticRegression() {
        List<Stage<?>> stages = new ArrayList<>();
        stages.add(
                new StandardScaler()
                        .setInputCol("features")
                        .setOutputCol("scaled")
                        .setWithMean(true));
        stages.add(new LogisticRegression().setFeaturesCol("scaled").setMaxIter(200).setTol(1e-12));
        return stages;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void testPipelineOnNumericColumnsEqualsPipelineOnAssembledVectors(int parallelism)
            throws Exception {
        List<Row>[] train = numericAndVectorRows(1, 300);
        List<Row>[] test = numericAndVectorRows(2, 50);
        TestJob job = TestJob.withParallelism(parallelism);

        List<Stage<?>> stages = new ArrayList<>();
        stages.add(
                new VectorAssembler()
                        .setInputCols("amount", "count", "ratio")
                        .setInputSizes(1, 1, 1)
                        .setOutputCol("features"));
        stages.addAll(scalerAndLogisticRegression());
        PipelineModel fromColumns =
                new Pipeline(stages)
                        .fit(job.boundedTable(NUMERIC_COLUMNS, NUMERIC_TYPES, train[0]));
        List<Row> predicted =
                sortById(
                        job.collect(
                                fromColumns
                                        .transform(
                                                job.boundedTable(
                                                        NUMERIC_COLUMNS, NUMERIC_TYPES, test[0]))[
                                        0]));

        // The oracle: the same scaler and LR fitted on vectors assembled by hand.
        PipelineModel fromVectors =
                new Pipeline(scalerAndLogisticRegression())
                        .fit(job.boundedTable(VECTOR_COLUMNS, VECTOR_TYPES, train[1]));
        List<Row> expected =
                sortById(
                        job.collect(
                                fromVectors
                                        .transform(
                                                job.boundedTable(
                                                        VECTOR_COLUMNS, VECTOR_TYPES, test[1]))[
                                        0]));

        assertEquals(test[0].size(), predicted.size());
        int correct = 0;
        for (int r = 0; r < predicted.size(); r++) {
            Row row = predicted.get(r);
            assertEquals(test[1].get(r).getField(1), row.getField("features"));
            assertArrayEquals(
                    ((DenseVector) expected.get(r).getField("rawPrediction")).values,
                    ((DenseVector) row.getField("rawPrediction")).values,
                    1e-9);
            assertEquals(expected.get(r).getField("prediction"), row.getField("prediction"));
            correct += row.getField("prediction").equals(row.getField("label")) ? 1 : 0;
        }
        // And the model learned something: the data's own labels are noisy, not random.
        assertTrue(correct > predicted.size() * 0.6, correct + " of " + predicted.size());
    }

    // ---------------------------------------------------------------- helpers

    private static List<Row> sortById(List<Row> rows) {
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(row -> (Integer) row.getField("id")));
        return sorted;
    }

    private static double[] concat(double[] first, double[] second) {
        double[] result = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, result, first.length, second.length);
        return result;
    }
}
