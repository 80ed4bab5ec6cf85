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
package io.streamml;

import io.streamml.builder.Pipeline;
import io.streamml.builder.PipelineModel;
import io.streamml.classification.logisticregression.LogisticRegression;
import io.streamml.classification.logisticregression.LogisticRegressionModel;
import io.streamml.common.param.HasDecayFactor;
import io.streamml.common.param.HasElasticNet;
import io.streamml.common.param.HasFitIntercept;
import io.streamml.common.param.HasFtrlParams;
import io.streamml.common.param.HasHandleInvalidWithKeep;
import io.streamml.common.param.HasInputCol;
import io.streamml.common.param.HasMaxAllowedModelDelayMs;
import io.streamml.common.param.HasMaxBatchDelayMs;
import io.streamml.common.param.HasModelVersionCol;
import io.streamml.common.param.HasOptimizer;
import io.streamml.common.param.HasOutputCol;
import io.streamml.common.param.HasThreshold;
import io.streamml.common.param.HasTrainingMode;
import io.streamml.common.param.HasWindows;
import io.streamml.common.window.CountTumblingWindows;
import io.streamml.evaluation.binaryclassification.BinaryClassificationEvaluator;
import io.streamml.evaluation.binaryclassification.BinaryClassificationEvaluatorParams;
import io.streamml.evaluation.prequential.PrequentialEvaluator;
import io.streamml.evaluation.prequential.PrequentialEvaluatorParams;
import io.streamml.evaluation.regression.RegressionEvaluator;
import io.streamml.evaluation.regression.RegressionEvaluatorParams;
import io.streamml.feature.minmaxscaler.MinMaxScaler;
import io.streamml.feature.minmaxscaler.MinMaxScalerModel;
import io.streamml.feature.minmaxscaler.MinMaxScalerModelParams;
import io.streamml.feature.standardscaler.StandardScaler;
import io.streamml.feature.standardscaler.StandardScalerModel;
import io.streamml.feature.standardscaler.StandardScalerModelParams;
import io.streamml.feature.vectorassembler.VectorAssembler;
import io.streamml.feature.vectorassembler.VectorAssemblerParams;
import io.streamml.linear.LinearTrainingParams;
import io.streamml.regression.linearregression.LinearRegression;
import io.streamml.regression.linearregression.LinearRegressionModel;

import org.apache.flink.ml.api.AlgoOperator;
import org.apache.flink.ml.api.Estimator;
import org.apache.flink.ml.api.Model;
import org.apache.flink.ml.api.Stage;
import org.apache.flink.ml.api.Transformer;
import org.apache.flink.ml.common.param.HasFeaturesCol;
import org.apache.flink.ml.common.param.HasGlobalBatchSize;
import org.apache.flink.ml.common.param.HasHandleInvalid;
import org.apache.flink.ml.common.param.HasInputCols;
import org.apache.flink.ml.common.param.HasLabelCol;
import org.apache.flink.ml.common.param.HasLearningRate;
import org.apache.flink.ml.common.param.HasMaxIter;
import org.apache.flink.ml.common.param.HasPredictionCol;
import org.apache.flink.ml.common.param.HasRawPredictionCol;
import org.apache.flink.ml.common.param.HasReg;
import org.apache.flink.ml.common.param.HasTol;
import org.apache.flink.ml.common.param.HasWeightCol;
import org.apache.flink.ml.param.Param;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Renders README's parameter reference from the stages themselves: each stage's {@code
 * getParamMap()} gives every param's name, type, default and description. What the rest of a row
 * says is kept here, next to what checks it: what a param accepts ({@link Accepts}, tested against
 * the param's own validator), which input a param takes effect on (read from the fits: {@code
 * LinearFit}, {@code LinearTrainingParams}, {@code FeatureStatisticsFit}, {@code
 * LatestModelScoringOperator}), and Flink ML 2.3's counterpart (read from Flink ML 2.3.0's
 * sources), whose differing defaults must each have a reason.
 */
final class ParameterReference {
    static final String BEGIN = "<!-- parameters:begin -->";
    static final String END = "<!-- parameters:end -->";
    static final String REGENERATE =
            "mvn -B verify -pl ml-stages -Dtest=ParameterReferenceTest -Dparameters.write=true";

    private ParameterReference() {}

    /** Which input a param takes effect on. */
    enum Input {
        BOTH("both"),
        BOUNDED("bounded"),
        ONLINE("online");

        final String label;

        Input(String label) {
            this.label = label;
        }
    }

    /** A stage of the reference, its Model (if any) and its Flink ML 2.3 counterpart. */
    static final class Entry {
        final Stage<?> stage;
        final Input input;
        final Map<Param<?>, Input> exceptions = new IdentityHashMap<>();
        Stage<?> model;
        String flink23Stages;
        final Map<String, String> flink23Defaults = new LinkedHashMap<>();
        final List<String> notes = new ArrayList<>();

        /** {@code stage}, whose params take effect on {@code input} unless listed otherwise. */
        Entry(Stage<?> stage, Input input) {
            this.stage = stage;
            this.input = input;
        }

        Entry model(Stage<?> model) {
            this.model = model;
            return this;
        }

        Entry only(Input input, Param<?>... params) {
            for (Param<?> param : params) {
                exceptions.put(param, input);
            }
            return this;
        }

        /** Flink ML 2.3's stages and their params' defaults, each as "name=default". */
        Entry flink23(String stages, String... defaults) {
            flink23Stages = stages;
            for (String nameAndDefault : defaults) {
                String[] parts = nameAndDefault.split("=", 2);
                flink23Defaults.put(parts[0], parts[1]);
            }
            return this;
        }

        Entry note(String note) {
            notes.add(note);
            return this;
        }

        String name() {
            return stage.getClass().getSimpleName();
        }

        Input inputOf(Param<?> param) {
            return exceptions.getOrDefault(param, input);
        }

        /** The stage's params in the order of {@link #ACCEPTS}. */
        List<Param<?>> params() {
            return ordered(stage.getParamMap().keySet());
        }
    }

    /** What a param accepts, in words and as examples its validator must agree with. */
    static final class Accepts {
        final String words;
        final List<Object> accepted;
        final List<Object> rejected;

        private Accepts(String words, List<Object> accepted, List<Object> rejected) {
            this.words = words;
            this.accepted = accepted;
            this.rejected = rejected;
        }

        static Accepts notNull(Object example) {
            return new Accepts(
                    "not null",
                    Collections.singletonList(example),
                    Collections.singletonList(null));
        }

        static Accepts anyOrNull(Object example) {
            return new Accepts(
                    "any, or null", Arrays.asList(example, null), Collections.emptyList());
        }

        static Accepts booleans() {
            return new Accepts(
                    "`true`, `false`", Arrays.asList(true, false), Collections.emptyList());
        }

        static Accepts oneOf(List<?> values) {
            return new Accepts(
                    values.stream().map(v -> "`" + v + "`").collect(Collectors.joining(", ")),
                    new ArrayList<>(values),
                    Arrays.asList("unknown", null));
        }

        /** A non-empty subset of {@code names}, as a String[]. */
        static Accepts subsetOf(List<String> names) {
            List<Object> accepted = new ArrayList<>();
            for (String name : names) {
                accepted.add(new String[] {name});
            }
            accepted.add(names.toArray(new String[0]));
            return new Accepts(
                    "a non-empty subset of "
                            + names.stream()
                                    .map(v -> "`" + v + "`")
                                    .collect(Collectors.joining(", ")),
                    accepted,
                    Arrays.asList(new String[0], new String[] {"unknown"}, null));
        }

        static Accepts nonEmptyNames() {
            return new Accepts(
                    "a non-empty array",
                    Collections.singletonList(new String[] {"a", "b"}),
                    Arrays.asList(new String[0], null));
        }

        static Accepts positiveSizes() {
            return new Accepts(
                    "a non-empty array of sizes ≥ 1",
                    Collections.singletonList(new Integer[] {1, 3}),
                    Arrays.asList(new Integer[0], new Integer[] {0}, null));
        }

        static Accepts finite() {
            return new Accepts(
                    "finite",
                    Arrays.asList(0.0, -1e300, 1e300),
                    Arrays.asList(
                            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, null));
        }

        /** Numbers above {@code bound} ({@code inclusive}: at or above), of {@code type}. */
        static Accepts above(Class<?> type, double bound, boolean inclusive) {
            List<Object> accepted = new ArrayList<>();
            List<Object> rejected = new ArrayList<>();
            (inclusive ? accepted : rejected).add(number(type, bound));
            accepted.add(number(type, next(type, bound, +1)));
            accepted.add(number(type, 1e9));
            rejected.add(number(type, next(type, bound, -1)));
            rejected.add(null);
            return new Accepts((inclusive ? "≥ " : "> ") + inWords(bound), accepted, rejected);
        }

        /** Numbers from {@code low} to {@code high}, each end in or out. */
        static Accepts between(
                Class<?> type, double low, boolean lowIn, double high, boolean highIn) {
            List<Object> accepted = new ArrayList<>();
            List<Object> rejected = new ArrayList<>();
            (lowIn ? accepted : rejected).add(number(type, low));
            (highIn ? accepted : rejected).add(number(type, high));
            accepted.add(number(type, next(type, low, +1)));
            accepted.add(number(type, next(type, high, -1)));
            rejected.add(number(type, next(type, low, -1)));
            rejected.add(number(type, next(type, high, +1)));
            rejected.add(null);
            String words =
                    (lowIn ? "[" : "(")
                            + inWords(low)
                            + ", "
                            + inWords(high)
                            + (highIn ? "]" : ")");
            return new Accepts(words, accepted, rejected);
        }

        /** What {@code accepts} accepts, and null. */
        static Accepts orNull(Accepts accepts) {
            List<Object> accepted = new ArrayList<>(accepts.accepted);
            accepted.add(null);
            List<Object> rejected = new ArrayList<>(accepts.rejected);
            rejected.remove(null);
            return new Accepts("null or " + accepts.words, accepted, rejected);
        }

        /** A bound in words: 0, not 0.0. */
        private static String inWords(double value) {
            return value == Math.rint(value) ? String.valueOf((long) value) : format(value);
        }

        private static double next(Class<?> type, double value, int direction) {
            if (type == Double.class) {
                return direction > 0 ? Math.nextUp(value) : Math.nextDown(value);
            }
            return value + direction;
        }

        private static Object number(Class<?> type, double value) {
            if (type == Integer.class) {
                return (int) value;
            }
            if (type == Long.class) {
                return (long) value;
            }
            return value;
        }
    }

    static final class Described {
        final Param<?> param;
        final Accepts accepts;

        Described(Param<?> param, Accepts accepts) {
            this.param = param;
            this.accepts = accepts;
        }
    }

    /**
     * What every param of the stages accepts, in the order the tables list them. Params are keyed
     * by identity: Flink ML's Param equals any other of the same name (two params are "windows").
     */
    static final List<Described> ACCEPTS =
            Arrays.asList(
                    new Described(HasInputCol.INPUT_COL, Accepts.notNull("x")),
                    new Described(HasInputCols.INPUT_COLS, Accepts.nonEmptyNames()),
                    new Described(VectorAssemblerParams.INPUT_SIZES, Accepts.positiveSizes()),
                    new Described(HasOutputCol.OUTPUT_COL, Accepts.notNull("x")),
                    new Described(HasFeaturesCol.FEATURES_COL, Accepts.notNull("x")),
                    new Described(HasLabelCol.LABEL_COL, Accepts.notNull("x")),
                    new Described(HasWeightCol.WEIGHT_COL, Accepts.anyOrNull("x")),
                    new Described(HasPredictionCol.PREDICTION_COL, Accepts.notNull("x")),
                    new Described(HasRawPredictionCol.RAW_PREDICTION_COL, Accepts.anyOrNull("x")),
                    new Described(HasModelVersionCol.MODEL_VERSION_COL, Accepts.anyOrNull("x")),
                    new Described(
                            HasHandleInvalid.HANDLE_INVALID,
                            Accepts.oneOf(
                                    Arrays.asList(
                                            HasHandleInvalid.ERROR_INVALID,
                                            HasHandleInvalid.SKIP_INVALID))),
                    new Described(
                            HasHandleInvalidWithKeep.HANDLE_INVALID,
                            Accepts.oneOf(HasHandleInvalidWithKeep.HANDLE_INVALID_OPTIONS)),
                    new Described(StandardScalerModelParams.WITH_MEAN, Accepts.booleans()),
                    new Described(StandardScalerModelParams.WITH_STD, Accepts.booleans()),
                    new Described(MinMaxScalerModelParams.MIN, Accepts.finite()),
                    new Described(MinMaxScalerModelParams.MAX, Accepts.finite()),
                    new Described(
                            HasThreshold.THRESHOLD,
                            Accepts.between(Double.class, 0, true, 1, true)),
                    new Described(
                            HasTrainingMode.TRAINING_MODE,
                            Accepts.oneOf(HasTrainingMode.TRAINING_MODES)),
                    new Described(HasOptimizer.OPTIMIZER, Accepts.oneOf(HasOptimizer.OPTIMIZERS)),
                    new Described(HasFitIntercept.FIT_INTERCEPT, Accepts.booleans()),
                    new Described(HasReg.REG, Accepts.above(Double.class, 0, true)),
                    new Described(
                            HasElasticNet.ELASTIC_NET,
                            Accepts.between(Double.class, 0, true, 1, true)),
                    new Described(HasMaxIter.MAX_ITER, Accepts.above(Integer.class, 0, false)),
                    new Described(HasTol.TOL, Accepts.above(Double.class, 0, true)),
                    new Described(
                            HasLearningRate.LEARNING_RATE, Accepts.above(Double.class, 0, false)),
                    new Described(
                            HasGlobalBatchSize.GLOBAL_BATCH_SIZE,
                            Accepts.above(Integer.class, 0, false)),
                    new Described(HasFtrlParams.ALPHA, Accepts.above(Double.class, 0, false)),
                    new Described(HasFtrlParams.BETA, Accepts.above(Double.class, 0, true)),
                    new Described(
                            LinearTrainingParams.WINDOWS,
                            Accepts.anyOrNull(CountTumblingWindows.of(1000))),
                    new Described(
                            HasWindows.WINDOWS, Accepts.notNull(CountTumblingWindows.of(1000))),
                    new Described(
                            HasDecayFactor.DECAY_FACTOR,
                            Accepts.between(Double.class, 0, false, 1, true)),
                    new Described(
                            HasMaxBatchDelayMs.MAX_BATCH_DELAY_MS,
                            Accepts.above(Long.class, 0, false)),
                    new Described(LinearTrainingParams.RESET_ON_DRIFT, Accepts.booleans()),
                    new Described(
                            HasMaxAllowedModelDelayMs.MAX_ALLOWED_MODEL_DELAY_MS,
                            Accepts.orNull(Accepts.above(Long.class, 0, true))),
                    new Described(
                            BinaryClassificationEvaluatorParams.METRICS_NAMES,
                            Accepts.subsetOf(BinaryClassificationEvaluatorParams.ALL_METRICS)),
                    new Described(
                            RegressionEvaluatorParams.METRICS_NAMES,
                            Accepts.subsetOf(RegressionEvaluatorParams.ALL_METRICS)),
                    new Described(
                            PrequentialEvaluatorParams.WINDOW_BATCHES,
                            Accepts.above(Integer.class, 0, false)),
                    new Described(
                            PrequentialEvaluatorParams.DRIFT_DETECTOR,
                            Accepts.oneOf(PrequentialEvaluatorParams.DRIFT_DETECTORS)));

    /** The stages, as a user meets them. Flink ML 2.3's defaults are from its 2.3.0 sources. */
    static final List<Entry> ENTRIES =
            Arrays.asList(
                    new Entry(new VectorAssembler(), Input.BOTH)
                            .flink23(
                                    "VectorAssembler",
                                    "inputCols=null",
                                    "outputCol=output",
                                    "handleInvalid=error",
                                    "inputSizes=null"),
                    new Entry(new StandardScaler(), Input.BOTH)
                            .model(new StandardScalerModel())
                            .only(
                                    Input.ONLINE,
                                    HasWindows.WINDOWS,
                                    HasDecayFactor.DECAY_FACTOR,
                                    HasMaxBatchDelayMs.MAX_BATCH_DELAY_MS,
                                    HasMaxAllowedModelDelayMs.MAX_ALLOWED_MODEL_DELAY_MS)
                            .flink23(
                                    "StandardScaler and OnlineStandardScaler",
                                    "inputCol=input",
                                    "outputCol=output",
                                    "withMean=false",
                                    "withStd=true",
                                    "windows=GlobalWindows",
                                    "modelVersionCol=version",
                                    "maxAllowedModelDelayMs=0"),
                    new Entry(new MinMaxScaler(), Input.BOTH)
                            .model(new MinMaxScalerModel())
                            .only(
                                    Input.ONLINE,
                                    HasWindows.WINDOWS,
                                    HasDecayFactor.DECAY_FACTOR,
                                    HasMaxBatchDelayMs.MAX_BATCH_DELAY_MS,
                                    HasMaxAllowedModelDelayMs.MAX_ALLOWED_MODEL_DELAY_MS)
                            .flink23(
                                    "MinMaxScaler (bounded only)",
                                    "inputCol=input",
                                    "outputCol=output",
                                    "min=0.0",
                                    "max=1.0"),
                    new Entry(new LogisticRegression(), Input.BOTH)
                            .model(new LogisticRegressionModel())
                            .only(Input.BOUNDED, HasMaxIter.MAX_ITER, HasTol.TOL)
                            .only(
                                    Input.ONLINE,
                                    HasFtrlParams.ALPHA,
                                    HasFtrlParams.BETA,
                                    LinearTrainingParams.WINDOWS,
                                    HasMaxBatchDelayMs.MAX_BATCH_DELAY_MS,
                                    LinearTrainingParams.RESET_ON_DRIFT,
                                    HasMaxAllowedModelDelayMs.MAX_ALLOWED_MODEL_DELAY_MS)
                            .flink23(
                                    "LogisticRegression and OnlineLogisticRegression",
                                    "featuresCol=features",
                                    "labelCol=label",
                                    "weightCol=null",
                                    "predictionCol=prediction",
                                    "rawPredictionCol=rawPrediction",
                                    "modelVersionCol=modelVersion",
                                    "reg=0.0",
                                    "elasticNet=0.0",
                                    "maxIter=20",
                                    "tol=1e-6",
                                    "learningRate=0.1",
                                    "globalBatchSize=32",
                                    "alpha=0.1",
                                    "beta=0.1",
                                    "multiClass=auto",
                                    "batchStrategy=count")
                            .note(
                                    "`multiClass`: this LogisticRegression is binary only (labels"
                                            + " 0 and 1).")
                            .note(
                                    "`batchStrategy` (2.3 allows only `count`): here `windows` ="
                                            + " null, the default, cuts count windows of"
                                            + " `globalBatchSize` rows; `windows` also takes event-"
                                            + " and processing-time windows."),
                    new Entry(new LinearRegression(), Input.BOTH)
                            .model(new LinearRegressionModel())
                            .only(Input.BOUNDED, HasMaxIter.MAX_ITER, HasTol.TOL)
                            .only(
                                    Input.ONLINE,
                                    HasFtrlParams.ALPHA,
                                    HasFtrlParams.BETA,
                                    LinearTrainingParams.WINDOWS,
                                    HasMaxBatchDelayMs.MAX_BATCH_DELAY_MS,
                                    LinearTrainingParams.RESET_ON_DRIFT,
                                    HasMaxAllowedModelDelayMs.MAX_ALLOWED_MODEL_DELAY_MS)
                            .flink23(
                                    "LinearRegression (bounded only)",
                                    "featuresCol=features",
                                    "labelCol=label",
                                    "weightCol=null",
                                    "predictionCol=prediction",
                                    "reg=0.0",
                                    "elasticNet=0.0",
                                    "maxIter=20",
                                    "tol=1e-6",
                                    "learningRate=0.1",
                                    "globalBatchSize=32"),
                    new Entry(new BinaryClassificationEvaluator(), Input.BOUNDED)
                            .flink23(
                                    "BinaryClassificationEvaluator",
                                    "labelCol=label",
                                    "rawPredictionCol=rawPrediction",
                                    "weightCol=null",
                                    "metricsNames=[areaUnderROC, areaUnderPR]")
                            .note(
                                    "2.3's metrics `ks` and `areaUnderLorenz` are not computed"
                                            + " here."),
                    new Entry(new RegressionEvaluator(), Input.BOUNDED),
                    new Entry(new PrequentialEvaluator(), Input.BOTH)
                            .note(
                                    "The Estimator it trains and evaluates is set with"
                                            + " `setEstimator(...)`, not a param."));

    /** Stages with no params of their own. */
    static final List<Stage<?>> WITHOUT_PARAMS =
            Arrays.asList(
                    new Pipeline(Collections.emptyList()),
                    new PipelineModel(Collections.emptyList()));

    /** Why a default differs from Flink ML 2.3's, by param name. */
    static final Map<String, String> WHY_DEFAULTS_DIFFER = new LinkedHashMap<>();

    static {
        WHY_DEFAULTS_DIFFER.put(
                "windows",
                "2.3's `GlobalWindows` emits a version only when the input ends, so never on an"
                        + " unbounded Table; here an online fit emits a version per second in"
                        + " which rows arrived, without any setting. A bounded fit ignores"
                        + " `windows`: one version from all rows.");
        WHY_DEFAULTS_DIFFER.put(
                "modelVersionCol",
                "One stage here serves bounded and unbounded input, and 2.3's bounded stages add"
                        + " no version column. With a default name, two Models of one Pipeline"
                        + " would both add that column and the second would fail (\"output column"
                        + " already exists\"). Set a name per Model to get the column.");
        WHY_DEFAULTS_DIFFER.put(
                "maxAllowedModelDelayMs",
                "2.3's 0 makes each row with an event time wait (held in state, holding the"
                        + " watermark back) until a version has learned from data at least as new"
                        + " as the row, i.e. until the mini-batch of its time is trained; null"
                        + " scores every row at once with the newest version. Set 0 for 2.3's"
                        + " alignment.");
    }

    /** A default that differs from Flink ML 2.3's. */
    static final class DifferingDefault {
        final String stage;
        final String param;
        final String here;
        final String flink23;

        DifferingDefault(String stage, String param, String here, String flink23) {
            this.stage = stage;
            this.param = param;
            this.here = here;
            this.flink23 = flink23;
        }
    }

    /** The params whose default differs from the same-named param of Flink ML 2.3's stages. */
    static List<DifferingDefault> differingDefaults() {
        List<DifferingDefault> differing = new ArrayList<>();
        for (Entry entry : ENTRIES) {
            for (Param<?> param : entry.params()) {
                String theirs = entry.flink23Defaults.get(param.name);
                String ours = value(param.defaultValue);
                if (theirs != null && !theirs.equals(ours)) {
                    differing.add(new DifferingDefault(entry.name(), param.name, ours, theirs));
                }
            }
        }
        return differing;
    }

    static Accepts acceptsOf(Param<?> param) {
        for (Described described : ACCEPTS) {
            if (described.param == param) {
                return described.accepts;
            }
        }
        throw new IllegalStateException(
                "ParameterReference.ACCEPTS does not describe param '"
                        + param.name
                        + "' ("
                        + param.description
                        + ")");
    }

    private static List<Param<?>> ordered(Iterable<Param<?>> params) {
        List<Param<?>> list = new ArrayList<>();
        params.forEach(list::add);
        List<Param<?>> order =
                ACCEPTS.stream().map(described -> described.param).collect(Collectors.toList());
        list.forEach(ParameterReference::acceptsOf);
        list.sort((a, b) -> Integer.compare(indexOf(order, a), indexOf(order, b)));
        return list;
    }

    private static int indexOf(List<Param<?>> order, Param<?> param) {
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i) == param) {
                return i;
            }
        }
        return -1;
    }

    /** The README section between the markers. */
    static String render() {
        StringBuilder out = new StringBuilder();
        out.append("<!-- Generated from the stages' params by ParameterReference in ml-stages'")
                .append(" tests; to regenerate: ")
                .append(REGENERATE)
                .append(" -->\n\n");
        out.append(
                "Generated from each stage's `getParamMap()`. **Bounded / online**: the input a"
                        + " param takes effect on: a bounded Table (a fit to the optimum, one model"
                        + " version), an unbounded one (an online fit, a version per mini-batch or"
                        + " window), or both; for a param a Model scores with, whether it matters"
                        + " with one model version or only with a stream of them. **Flink ML 2.3**:"
                        + " `same` where 2.3's stages for the same task have the param with the"
                        + " same default, 2.3's default where it differs (why: see the last"
                        + " table), `—` where 2.3 has no such param. Params that 2.3 also has keep"
                        + " 2.3's names.\n");
        for (Entry entry : ENTRIES) {
            renderEntry(entry, out);
        }
        out.append("\n")
                .append(
                        WITHOUT_PARAMS.stream()
                                .map(stage -> "`" + stage.getClass().getSimpleName() + "`")
                                .collect(Collectors.joining(" and ")))
                .append(" have no params of their own.\n");
        renderDifferingDefaults(out);
        return out.toString();
    }

    private static void renderEntry(Entry entry, StringBuilder out) {
        out.append("\n### ").append(entry.name()).append("\n\n");
        out.append('`')
                .append(entry.stage.getClass().getName())
                .append("`, ")
                .append(kind(entry.stage))
                .append(". Flink ML 2.3: ")
                .append(entry.flink23Stages == null ? "none" : entry.flink23Stages)
                .append(".\n\n");
        out.append("| Param | Type | Default | Valid values | Bounded / online | Flink ML 2.3 |")
                .append(" Meaning |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        for (Param<?> param : entry.params()) {
            out.append("| `")
                    .append(param.name)
                    .append("` | ")
                    .append(param.clazz.getSimpleName())
                    .append(" | `")
                    .append(value(param.defaultValue))
                    .append("` | ")
                    .append(cell(acceptsOf(param).words))
                    .append(" | ")
                    .append(entry.inputOf(param).label)
                    .append(" | ")
                    .append(flink23Cell(entry, param))
                    .append(" | ")
                    .append(cell(param.description))
                    .append(" |\n");
        }
        if (entry.model != null) {
            out.append("\n`")
                    .append(entry.model.getClass().getSimpleName())
                    .append("` has ")
                    .append(
                            ordered(entry.model.getParamMap().keySet()).stream()
                                    .map(param -> "`" + param.name + "`")
                                    .collect(Collectors.joining(", ")))
                    .append(" as above; `fit` copies them from the ")
                    .append(entry.name())
                    .append(".\n");
        }
        List<String> missing = new ArrayList<>();
        for (String name : entry.flink23Defaults.keySet()) {
            if (entry.params().stream().noneMatch(param -> param.name.equals(name))) {
                missing.add("`" + name + "`");
            }
        }
        if (!missing.isEmpty()) {
            out.append("\nFlink ML 2.3's params not here: ")
                    .append(String.join(", ", missing))
                    .append(".\n");
        }
        for (String note : entry.notes) {
            out.append("\n").append(note).append("\n");
        }
    }

    private static String flink23Cell(Entry entry, Param<?> param) {
        String theirs = entry.flink23Defaults.get(param.name);
        if (theirs == null) {
            return "—";
        }
        return theirs.equals(value(param.defaultValue)) ? "same" : "`" + theirs + "`";
    }

    private static void renderDifferingDefaults(StringBuilder out) {
        out.append("\n### Defaults that differ from Flink ML 2.3\n\n");
        out.append("| Param | Stages | Default here | Flink ML 2.3 | Why |\n");
        out.append("|---|---|---|---|---|\n");
        Map<String, List<DifferingDefault>> byParam = new LinkedHashMap<>();
        for (DifferingDefault differing : differingDefaults()) {
            byParam.computeIfAbsent(differing.param, name -> new ArrayList<>()).add(differing);
        }
        byParam.forEach(
                (name, rows) ->
                        out.append("| `")
                                .append(name)
                                .append("` | ")
                                .append(
                                        rows.stream()
                                                .map(row -> row.stage)
                                                .collect(Collectors.joining(", ")))
                                .append(" | ")
                                .append(
                                        rows.stream()
                                                .map(row -> "`" + row.here + "`")
                                                .distinct()
                                                .collect(Collectors.joining(", ")))
                                .append(" | ")
                                .append(flink23Defaults(rows))
                                .append(" | ")
                                .append(cell(WHY_DEFAULTS_DIFFER.get(name)))
                                .append(" |\n"));
        Object batchSize = HasGlobalBatchSize.GLOBAL_BATCH_SIZE.defaultValue;
        out.append("\n`globalBatchSize` keeps 2.3's default, ")
                .append(batchSize)
                .append(": online, with `windows` unset, that is a model version every ")
                .append(batchSize)
                .append(" rows, as in 2.3's OnlineLogisticRegression. Each version is a round of")
                .append(" the training iteration and a model broadcast to every scoring task, so")
                .append(" such a fit logs a one-line hint to raise it; README's online benchmarks")
                .append(" train with 1000 rows and more.\n");
    }

    /** 2.3's defaults of {@code rows}, each with its stage when they are not all the same. */
    private static String flink23Defaults(List<DifferingDefault> rows) {
        boolean same = rows.stream().map(row -> row.flink23).distinct().count() == 1;
        return rows.stream()
                .map(row -> "`" + row.flink23 + "`" + (same ? "" : " (" + row.stage + ")"))
                .distinct()
                .collect(Collectors.joining(", "));
    }

    private static String kind(Stage<?> stage) {
        if (stage instanceof Estimator) {
            return "an Estimator";
        }
        if (stage instanceof Model) {
            return "a Model";
        }
        if (stage instanceof Transformer) {
            return "a Transformer";
        }
        return stage instanceof AlgoOperator ? "an AlgoOperator" : "a Stage";
    }

    /** A value as the tables show it. */
    static String value(Object value) {
        if (value instanceof Object[]) {
            return Arrays.toString((Object[]) value);
        }
        if (value instanceof Double) {
            return format((Double) value);
        }
        return Objects.toString(value);
    }

    /** A double without a trailing ".0" before its exponent: 1e-6, not 1.0E-6. */
    static String format(double value) {
        return Double.toString(value).replace(".0E", "E").replace("E", "e");
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
