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
package io.streamml.linear;

import io.streamml.common.param.HasElasticNet;
import io.streamml.common.param.HasFitIntercept;
import io.streamml.common.param.HasFtrlParams;
import io.streamml.common.param.HasMaxBatchDelayMs;
import io.streamml.common.param.HasOptimizer;
import io.streamml.common.param.HasTrainingMode;
import io.streamml.common.param.WindowsParam;
import io.streamml.common.window.CountTumblingWindows;
import io.streamml.common.window.Windows;
import io.streamml.drift.Adwin;
import io.streamml.drift.RestartOnErrorRise;
import io.streamml.linear.loss.Loss;
import io.streamml.linear.training.LinearTrainingConfig;
import io.streamml.optim.BoundedRounds;
import io.streamml.optim.ElasticNet;
import io.streamml.optim.LbfgsRounds;
import io.streamml.optim.OnlineOptimizerFactory;
import io.streamml.optim.SgdRounds;

import org.apache.flink.ml.common.param.HasFeaturesCol;
import org.apache.flink.ml.common.param.HasGlobalBatchSize;
import org.apache.flink.ml.common.param.HasHandleInvalid;
import org.apache.flink.ml.common.param.HasLabelCol;
import org.apache.flink.ml.common.param.HasLearningRate;
import org.apache.flink.ml.common.param.HasMaxIter;
import org.apache.flink.ml.common.param.HasReg;
import org.apache.flink.ml.common.param.HasTol;
import org.apache.flink.ml.common.param.HasWeightCol;
import org.apache.flink.ml.param.BooleanParam;
import org.apache.flink.ml.param.Param;
import org.apache.flink.ml.param.ParamValidators;

/** The training params logistic and linear regression share. */
public interface LinearTrainingParams<T>
        extends HasFeaturesCol<T>,
                HasLabelCol<T>,
                HasWeightCol<T>,
                HasHandleInvalid<T>,
                HasMaxIter<T>,
                HasTol<T>,
                HasReg<T>,
                HasElasticNet<T>,
                HasLearningRate<T>,
                HasGlobalBatchSize<T>,
                HasFitIntercept<T>,
                HasOptimizer<T>,
                HasFtrlParams<T>,
                HasTrainingMode<T>,
                HasMaxBatchDelayMs<T> {
    Param<Windows> WINDOWS =
            new WindowsParam(
                    "windows",
                    "Online: windows that cut the input into mini-batches; null (the default) means"
                            + " count windows of globalBatchSize rows.",
                    null,
                    ParamValidators.alwaysTrue());

    default Windows getWindows() {
        return get(WINDOWS);
    }

    default T setWindows(Windows value) {
        return set(WINDOWS, value);
    }

    Param<Boolean> RESET_ON_DRIFT =
            new BooleanParam(
                    "resetOnDrift",
                    "Online: restart the optimizer's accumulators when ADWIN sees the test-then-train"
                            + " squared error rise, so the model relearns a new concept fast.",
                    false);

    default boolean getResetOnDrift() {
        return get(RESET_ON_DRIFT);
    }

    default T setResetOnDrift(boolean value) {
        return set(RESET_ON_DRIFT, value);
    }

    /** The mini-batch windows of online training. */
    default Windows batchWindows() {
        Windows windows = getWindows();
        return windows != null ? windows : CountTumblingWindows.of(getGlobalBatchSize());
    }

    /** The params as a bounded training configuration for {@code loss}. */
    default LinearTrainingConfig boundedTrainingConfig(String stage, Loss loss) {
        String optimizer = getOptimizer();
        boolean fitIntercept = getFitIntercept();
        ElasticNet penalty = new ElasticNet(getReg(), getElasticNet());
        int maxIter = getMaxIter();
        double tol = getTol();
        BoundedRounds.Factory rounds;
        switch (optimizer) {
            case AUTO:
            case LBFGS:
                rounds = LbfgsRounds.factory(fitIntercept, penalty, maxIter, tol);
                break;
            case SGD:
                rounds =
                        SgdRounds.factory(
                                fitIntercept,
                                penalty,
                                maxIter,
                                tol,
                                getLearningRate(),
                                getGlobalBatchSize());
                break;
            default:
                throw new IllegalArgumentException(
                        stage
                                + ": optimizer '"
                                + optimizer
                                + "' is for online training; bounded input takes lbfgs or sgd.");
        }
        return trainingConfig(stage, loss, rounds, false);
    }

    /** The params as an online training configuration for {@code loss}. */
    default LinearTrainingConfig onlineTrainingConfig(
            String stage, Loss loss, boolean hasInitialModel) {
        String optimizer = getOptimizer();
        ElasticNet penalty = new ElasticNet(getReg(), getElasticNet());
        OnlineOptimizerFactory optimizers;
        switch (optimizer) {
            case AUTO:
            case FTRL:
                optimizers =
                        OnlineOptimizerFactory.ftrl(
                                getFitIntercept(), getAlpha(), getBeta(), penalty);
                break;
            case ADAGRAD:
                optimizers =
                        OnlineOptimizerFactory.adaGrad(
                                getFitIntercept(), getLearningRate(), penalty);
                break;
            case SGD:
                optimizers =
                        OnlineOptimizerFactory.sgd(getFitIntercept(), getLearningRate(), penalty);
                break;
            default:
                throw new IllegalArgumentException(
                        stage
                                + ": lbfgs needs bounded input; online training takes ftrl, adagrad or sgd.");
        }
        return trainingConfig(stage, loss, null, hasInitialModel).withOnlineOptimizers(optimizers);
    }

    private LinearTrainingConfig trainingConfig(
            String stage, Loss loss, BoundedRounds.Factory rounds, boolean hasInitialModel) {
        return new LinearTrainingConfig(
                stage,
                getFeaturesCol(),
                loss,
                getFitIntercept(),
                getGlobalBatchSize(),
                rounds,
                hasInitialModel,
                false,
                getResetOnDrift() ? () -> new RestartOnErrorRise(new Adwin()) : null,
                getMaxBatchDelayMs(),
                null);
    }
}
