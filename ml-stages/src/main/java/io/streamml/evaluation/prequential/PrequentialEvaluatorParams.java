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
package io.streamml.evaluation.prequential;

import org.apache.flink.ml.param.IntParam;
import org.apache.flink.ml.param.Param;
import org.apache.flink.ml.param.ParamValidators;
import org.apache.flink.ml.param.StringParam;
import org.apache.flink.ml.param.WithParams;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Params of {@link PrequentialEvaluator}. */
public interface PrequentialEvaluatorParams<T> extends WithParams<T> {
    String ADWIN = "adwin";
    String PAGE_HINKLEY = "pageHinkley";
    String NONE = "none";

    /** Every value of {@link #DRIFT_DETECTOR}. */
    List<String> DRIFT_DETECTORS =
            Collections.unmodifiableList(Arrays.asList(ADWIN, PAGE_HINKLEY, NONE));

    Param<Integer> WINDOW_BATCHES =
            new IntParam(
                    "windowBatches", "Mini-batches per metrics window.", 10, ParamValidators.gt(0));

    Param<String> DRIFT_DETECTOR =
            new StringParam(
                    "driftDetector",
                    "Drift detector over the per-row prequential squared error: adwin, pageHinkley"
                            + " or none.",
                    ADWIN,
                    ParamValidators.inArray(DRIFT_DETECTORS.toArray(new String[0])));

    default int getWindowBatches() {
        return get(WINDOW_BATCHES);
    }

    default T setWindowBatches(int value) {
        return set(WINDOW_BATCHES, value);
    }

    default String getDriftDetector() {
        return get(DRIFT_DETECTOR);
    }

    default T setDriftDetector(String value) {
        return set(DRIFT_DETECTOR, value);
    }
}
