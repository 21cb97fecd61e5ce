# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown] lang="zh"
# # 分类评估指标：从混淆矩阵到 ROC-AUC {#evaluation-metrics}
#
# **简介：** 在一个类别不平衡的二分类问题上，用 scikit-learn 计算准确率、精确率、召回率、F1 和 ROC-AUC，逐一对照混淆矩阵手算验证，ROC-AUC 基于打分而不是标签计算，并演示如何选择判定阈值。
# **最后修改：** 2026-11-30
# **出处：** 《AI 大模型创业：如何利用人才优势？》的代码，附在「如何评估一个 AI 大模型的性能？」之后（[人才优势指南](../../guides/talent/#ask-002-evaluate-performance)）；「评估 AI 大模型的性能」在第三部分重复。
#
# <details><summary>维护者注</summary>源文档行号（按 <code>cat -n</code> 计）：002 · L7–38（“典型面试题与解析”第 1 题，代码 L22–38）；L355–374（“答案解析与源代码实例”第 1 条，同一段代码）。</details>
#
# “你怎么评估一个模型？”几乎是每场机器学习面试的必考题，真正拉开差距的是追问：类别不平衡时准确率为什么会骗人？
# 精确率和召回率各自统计的是什么？ROC-AUC 为什么必须用打分而不能用预测标签？判定阈值由谁来定、在哪份数据上定？
# 本例在一个不平衡的二分类问题上用实测数字逐一回答这些问题，并把每个指标都和它的定义对上账。

# %% [markdown] lang="en"
# # Classification metrics: from the confusion matrix to ROC-AUC {#evaluation-metrics}
#
# **Description:** Accuracy, precision, recall, F1 and ROC-AUC on an imbalanced problem with scikit-learn, computed by hand from the confusion matrix and from scores, plus choosing a decision threshold.
# **Last modified:** 2026-11-30
# **Source:** code in *AI large-model startups: how to use a talent advantage?* (《AI 大模型创业：如何利用人才优势？》), attached to "How do you evaluate the performance of a large AI model?" ([talent guide](../../guides/talent/#ask-002-evaluate-performance)); repeated in part three as "Evaluating the performance of a large AI model".
#
# <details><summary>Maintainer note</summary>Source line numbers (as <code>cat -n</code> counts them): 002 · L7–38 ("典型面试题与解析", question 1, code at L22–38); L355–374 ("答案解析与源代码实例", item 1, the same code).</details>
#
# "How do you evaluate a model?" is asked in almost every ML interview, and the follow-up questions
# are where candidates lose points: why accuracy misleads on imbalanced data, what precision and
# recall each count, why ROC-AUC needs scores rather than predicted labels, and who picks the
# decision threshold (and on which data). This example answers each of these with measured numbers
# on an imbalanced binary problem, and checks every metric against its definition.

# %% [markdown] lang="zh"
# ## 原文代码 {#original-snippet}
#
# 原文只拿五个手写的预测结果做评估。我们先原样运行它的代码（同样的导入、同样的五个标签），
# 看看把 0/1 硬标签喂给 `roc_auc_score` 时它实际算出来的是什么。这一格同时固定了后面所有随机步骤用的种子。

# %% [markdown] lang="en"
# ## The original snippet {#original-snippet}
#
# The source evaluates five hand-written predictions. We first run its code as it was (imports plus
# the same five labels) so we can see what `roc_auc_score` really computes when it is given hard
# 0/1 labels. The first cell also fixes the seed used by every random step below.

# %%
import matplotlib.pyplot as plt
import numpy as np
from sklearn import metrics
from sklearn.datasets import make_classification
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

SEED = 42  # every random_state below uses this seed

y_true_toy = [0, 1, 1, 0, 1]
y_pred_toy = [0, 1, 0, 1, 1]
auc_from_labels_toy = metrics.roc_auc_score(y_true_toy, y_pred_toy)
balanced_acc_toy = metrics.balanced_accuracy_score(y_true_toy, y_pred_toy)
print(f"roc_auc_score on hard labels: {auc_from_labels_toy:.4f}")
print(f"balanced accuracy:            {balanced_acc_toy:.4f}")
assert np.isclose(auc_from_labels_toy, balanced_acc_toy), "AUC from labels should equal balanced accuracy"

# %% [markdown] lang="zh"
# 输入是硬标签时，所谓的“ROC 曲线”中间只有一个点，也就是这组标签对应的那唯一一个阈值下的 (FPR, TPR)。
# 经过这个点的两条折线下的面积正好是 $(\mathrm{TPR} + \mathrm{TNR}) / 2$，即平衡准确率（balanced accuracy）。
# 它完全反映不出模型能不能把正样本排在负样本前面，而衡量这种排序能力恰恰是 AUC 的用途。
#
# > **原文代码的问题**
# >
# > - `roc_auc_score(y_true, y_pred)` 传入的是预测标签。ROC-AUC 需要连续打分（`predict_proba(X)[:, 1]` 或
# >   `decision_function(X)`）；传标签不会报错，结果却悄悄退化成了平衡准确率。
# > - 答案说 F1 是“结合准确率和召回率”的指标。F1 是**精确率**（precision）和召回率的调和平均，
# >   而代码里根本没有计算精确率。
# > - 只有五个编出来的标签，没有模型：看不出不平衡数据上各指标的表现（恰恰是准确率最具误导性的场景），
# >   也看不出判定阈值如何在精确率和召回率之间取舍。

# %% [markdown] lang="en"
# With hard labels the "ROC curve" has a single interior point, (FPR, TPR) at the one threshold the
# labels encode, and the area under the two straight segments through it is $(\mathrm{TPR} + \mathrm{TNR}) / 2$: the
# balanced accuracy. It says nothing about how well the model *ranks* positives above negatives,
# which is what AUC is for.
#
# > **What the original got wrong**
# >
# > - `roc_auc_score(y_true, y_pred)` is fed predicted labels. ROC-AUC needs continuous scores
# >   (`predict_proba(X)[:, 1]` or `decision_function(X)`); on labels it silently degrades to balanced accuracy.
# > - The answer says F1 combines "准确率" (accuracy) and recall. F1 is the harmonic mean of
# >   **precision** and recall; precision is not even computed in the code.
# > - Five made-up labels and no model: nothing shows how metrics behave on imbalanced data, where
# >   accuracy is the misleading one, or how the decision threshold trades precision for recall.

# %% [markdown] lang="zh"
# ## 一个类别不平衡的问题 {#data}
#
# 生成 4,000 个样本，其中正样本只占 10% 左右（可以想象成欺诈、流失或罕见病），再加一点标签噪声，
# 让任何模型都做不到完美。数据按分层抽样一次性切成训练集、验证集、测试集，三份都保持约 10% 的正样本比例。
# 验证集留给后面选阈值，测试集只在最后报数字时使用。
#
# 先不训练任何模型：一个永远预测“负类”的基线就足以说明，为什么在这类数据上只看准确率是不够的。

# %% [markdown] lang="en"
# ## An imbalanced problem {#data}
#
# We generate 4,000 samples where only about 10% are positive (think fraud, churn or a rare
# disease), with a little label noise so that no model is perfect. We split once into train /
# validation / test, stratified so each part keeps the 10% positive rate. The validation part is
# reserved for choosing the threshold later; the test part is touched only for final numbers.
#
# Before training anything, a baseline that always predicts "negative" shows why accuracy alone is
# not a metric for this kind of data.

# %%
X, y = make_classification(
    n_samples=4000, n_features=20, n_informative=6, n_redundant=4,
    weights=[0.9, 0.1], class_sep=0.8, flip_y=0.02, random_state=SEED,
)
X_rest, X_test, y_rest, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=SEED)
X_train, X_val, y_train, y_val = train_test_split(
    X_rest, y_rest, test_size=1 / 3, stratify=y_rest, random_state=SEED
)
print(f"train {len(y_train)}, validation {len(y_val)}, test {len(y_test)}")
print(f"positive rate: {y.mean():.3f}")

baseline = DummyClassifier(strategy="most_frequent").fit(X_train, y_train)
baseline_pred = baseline.predict(X_test)
baseline_acc = metrics.accuracy_score(y_test, baseline_pred)
baseline_recall = metrics.recall_score(y_test, baseline_pred)
print(f"always-negative baseline: accuracy {baseline_acc:.3f}, recall {baseline_recall:.3f}")
assert baseline_acc > 0.85 and baseline_recall == 0.0, "the baseline should look accurate yet find no positives"

# %% [markdown] lang="zh"
# 这个什么都不做的基线有九成左右的准确率，却一个正样本也找不出来。在这份数据上看到任何准确率，都要先和这个数比一比。
#
# ## 能输出打分的模型 {#model}
#
# 模型是 `StandardScaler` 加逻辑回归，放在同一条流水线（`Pipeline`）里，保证标准化只在训练集上拟合。
# 它有三种输出：`predict`（默认阈值 0.5 下的硬标签）、`predict_proba`（每个类别的概率）和
# `decision_function`（sigmoid 之前的原始 logit）。下面不同的指标要用不同的输出。

# %% [markdown] lang="en"
# The do-nothing baseline is right about 90% of the time and finds zero positives. Any accuracy
# figure on this data has to be read against that number.
#
# ## A model that outputs scores {#model}
#
# A logistic regression behind a `StandardScaler` (in one pipeline, so the scaler is fitted on the
# training data only). It gives three kinds of output: `predict` (hard labels at the default
# threshold 0.5), `predict_proba` (a probability per class) and `decision_function` (the raw logit).
# The metrics below need different ones.

# %%
model = make_pipeline(StandardScaler(), LogisticRegression()).fit(X_train, y_train)

y_pred = model.predict(X_test)  # hard labels, threshold 0.5
y_proba = model.predict_proba(X_test)[:, 1]  # probability of the positive class
y_logit = model.decision_function(X_test)  # raw score before the sigmoid
print("first five probabilities:", np.round(y_proba[:5], 3))
print("first five labels:       ", y_pred[:5])

# %% [markdown] lang="zh"
# ## 混淆矩阵，以及逐个手算指标 {#confusion-matrix}
#
# 二分类时 scikit-learn 的混淆矩阵排布为 `[[TN, FP], [FN, TP]]`（行是真实类别，列是预测类别）。
# 所有依赖阈值的指标都是这四个计数的比值：
#
# - 准确率（accuracy）$= \frac{\mathrm{TP} + \mathrm{TN}}{\text{总数}}$
# - 精确率（precision，查准率）$= \frac{\mathrm{TP}}{\mathrm{TP} + \mathrm{FP}}$：被判为正的样本里，有多少真是正的
# - 召回率（recall，查全率，即 TPR）$= \frac{\mathrm{TP}}{\mathrm{TP} + \mathrm{FN}}$：所有正样本里，找出来了多少
# - $F_1 = \frac{2 \cdot \text{精确率} \cdot \text{召回率}}{\text{精确率} + \text{召回率}}$，即两者的调和平均
# - 特异度（specificity，TNR）$= \frac{\mathrm{TN}}{\mathrm{TN} + \mathrm{FP}}$；$\text{平衡准确率} = \frac{\text{召回率} + \text{特异度}}{2}$
#
# 下面逐个手算，并断言与 scikit-learn 的结果一致。

# %% [markdown] lang="en"
# ## The confusion matrix, and every metric by hand {#confusion-matrix}
#
# For binary problems scikit-learn's confusion matrix is laid out as `[[TN, FP], [FN, TP]]` (rows
# are the true class, columns the predicted one). Every threshold metric is a ratio of these four
# counts:
#
# - accuracy $= \frac{\mathrm{TP} + \mathrm{TN}}{\text{all}}$
# - precision $= \frac{\mathrm{TP}}{\mathrm{TP} + \mathrm{FP}}$: of the samples we flagged, how many were positive
# - recall (sensitivity, TPR) $= \frac{\mathrm{TP}}{\mathrm{TP} + \mathrm{FN}}$: of the positives, how many we found
# - $F_1 = \frac{2 \cdot \text{precision} \cdot \text{recall}}{\text{precision} + \text{recall}}$, the harmonic mean of the two
# - specificity (TNR) $= \frac{\mathrm{TN}}{\mathrm{TN} + \mathrm{FP}}$, and $\text{balanced accuracy} = \frac{\text{recall} + \text{specificity}}{2}$
#
# We compute each by hand and assert it matches scikit-learn.

# %%
tn, fp, fn, tp = metrics.confusion_matrix(y_test, y_pred).ravel()
print(f"TN={tn}  FP={fp}  FN={fn}  TP={tp}")

accuracy = (tp + tn) / (tp + tn + fp + fn)
precision = tp / (tp + fp)
recall = tp / (tp + fn)
f1 = 2 * precision * recall / (precision + recall)
specificity = tn / (tn + fp)
balanced_acc = (recall + specificity) / 2

checks = {
    "accuracy": (accuracy, metrics.accuracy_score(y_test, y_pred)),
    "precision": (precision, metrics.precision_score(y_test, y_pred)),
    "recall": (recall, metrics.recall_score(y_test, y_pred)),
    "f1": (f1, metrics.f1_score(y_test, y_pred)),
    "balanced accuracy": (balanced_acc, metrics.balanced_accuracy_score(y_test, y_pred)),
}
for name, (by_hand, by_sklearn) in checks.items():
    print(f"{name:>17}: by hand {by_hand:.4f}   sklearn {by_sklearn:.4f}")
    assert np.isclose(by_hand, by_sklearn), f"{name} by hand differs from sklearn"

# %% [markdown] lang="zh"
# 准确率只比“全判负”的基线高一点点，原因在计数里一目了然：默认阈值 0.5 下，模型漏掉了大部分正样本
# （召回率远不到 50%），虽然它判为正的那些大多是对的（精确率尚可）。不平衡数据上，要报告正类的精确率、召回率和 F1，
# 不能只报准确率。
#
# ## ROC-AUC：用打分，不用标签 {#roc-auc}
#
# ROC-AUC 等于“随机抽一个正样本和一个负样本，正样本得分更高”的概率（得分相同算一半）。
# 它刻画的是**排序**质量，与任何阈值无关。我们用四种方式计算它：
#
# 1. 对概率调用 `roc_auc_score`；
# 2. 对 `decision_function` 的 logit 调用：sigmoid 单调，排序不变，AUC 也完全一样；
# 3. 手算：把每个正样本和每个负样本两两比较（即 Mann-Whitney 统计量）；
# 4. 原文的做法：对硬标签计算，得到的其实是平衡准确率。

# %% [markdown] lang="en"
# Accuracy is only slightly above the do-nothing baseline, and the reason is visible in the counts:
# at the default threshold of 0.5 the model misses most of the positives (recall well under 50%)
# even though the ones it flags are usually right (decent precision). On imbalanced data, report
# precision, recall and F1 for the positive class, not accuracy alone.
#
# ## ROC-AUC: from scores, not from labels {#roc-auc}
#
# ROC-AUC is the probability that a randomly chosen positive gets a higher score than a randomly
# chosen negative (ties count one half). It is a property of the *ranking*, independent of any
# threshold. We compute it four ways:
#
# 1. `roc_auc_score` on the probabilities,
# 2. on the logits from `decision_function`: the sigmoid is monotonic, so the ranking and the AUC are identical,
# 3. by hand, comparing every positive with every negative (the Mann-Whitney statistic),
# 4. the original's way, on hard labels, which gives the balanced accuracy instead.

# %%
auc_proba = metrics.roc_auc_score(y_test, y_proba)
auc_logit = metrics.roc_auc_score(y_test, y_logit)

pos_scores = y_proba[y_test == 1]
neg_scores = y_proba[y_test == 0]
pairwise = pos_scores[:, None] - neg_scores[None, :]  # one entry per (positive, negative) pair
auc_by_hand = (pairwise > 0).mean() + 0.5 * (pairwise == 0).mean()

auc_labels = metrics.roc_auc_score(y_test, y_pred)
print(f"AUC from predict_proba:      {auc_proba:.4f}")
print(f"AUC from decision_function:  {auc_logit:.4f}")
print(f"AUC by hand (pairs):         {auc_by_hand:.4f}")
print(f"AUC from hard labels:        {auc_labels:.4f}   (balanced accuracy {balanced_acc:.4f})")

assert np.isclose(auc_proba, auc_logit), "a monotonic transform of the scores must not change AUC"
assert np.isclose(auc_proba, auc_by_hand), "AUC must equal the share of correctly ordered pairs"
assert np.isclose(auc_labels, balanced_acc), "AUC on labels should collapse to balanced accuracy"
assert auc_proba > auc_labels + 0.1, f"AUC from scores {auc_proba:.3f} should clearly exceed AUC from labels {auc_labels:.3f}"

# %% [markdown] lang="zh"
# 换成标签之后排序信息丢失，“AUC”一下子掉了十几个百分点。下图左边是 ROC 曲线，右边是默认阈值下的混淆矩阵。
# 注意那条用标签画出的虚线“曲线”：它只是穿过唯一工作点的两段直线。

# %% [markdown] lang="en"
# The labels throw away the ranking, and the "AUC" drops by well over ten points. Next to the ROC
# curves we plot the confusion matrix at the default threshold. Note the dashed "curve" built from
# labels: it is two straight segments through the one operating point the labels encode.

# %%
fpr, tpr, _ = metrics.roc_curve(y_test, y_proba)
fpr_lab, tpr_lab, _ = metrics.roc_curve(y_test, y_pred)

fig, axes = plt.subplots(1, 2, figsize=(8, 3.2))
axes[0].plot(fpr, tpr, label=f"scores (AUC {auc_proba:.2f})")
axes[0].plot(fpr_lab, tpr_lab, "--o", label=f"hard labels (AUC {auc_labels:.2f})")
axes[0].plot([0, 1], [0, 1], ":", color="grey", label="chance")
axes[0].set_xlabel("False positive rate")
axes[0].set_ylabel("True positive rate")
axes[0].set_title("ROC curve")
axes[0].legend(fontsize=8)
metrics.ConfusionMatrixDisplay.from_predictions(y_test, y_pred, ax=axes[1], colorbar=False)
axes[1].set_title("Confusion matrix (threshold 0.5)")
fig.tight_layout()
plt.show()

# %% [markdown] lang="zh"
# ## 选择判定阈值 {#threshold}
#
# 0.5 只是默认值，不是决策。如果漏掉一个正样本代价很高（欺诈、肿瘤），就该降低阈值，用精确率换召回率。
# 精确率-召回率（PR）曲线展示了完整的取舍；平均精确率（average precision）是它的汇总，
# 而且与 ROC-AUC 不同，它对类别不平衡很敏感。
#
# 阈值本身是一个超参数，所以要在**验证集**上选：取验证集上召回率仍不低于 80% 的最高阈值。
# 如果在测试集上挑阈值，测试结果就会偏乐观。选好之后原封不动地用到测试集上。

# %% [markdown] lang="en"
# ## Choosing the threshold {#threshold}
#
# The 0.5 threshold is a default, not a decision. If missing a positive is expensive (a fraud or a
# tumor), we lower the threshold and buy recall with precision. The precision-recall curve shows
# the whole trade-off; average precision summarizes it and, unlike ROC-AUC, is sensitive to the
# class imbalance.
#
# The threshold is a hyperparameter, so we choose it on the **validation** set: the highest
# threshold that still reaches 80% recall there. Choosing it on the test set would make the test
# numbers optimiztic. Then we apply it, unchanged, to the test set.

# %%
val_proba = model.predict_proba(X_val)[:, 1]
prec_curve, rec_curve, thresholds = metrics.precision_recall_curve(y_val, val_proba)
target_recall = 0.8
# precision_recall_curve returns one more (precision, recall) point than thresholds
threshold = thresholds[rec_curve[:-1] >= target_recall].max()
print(f"threshold chosen on validation: {threshold:.3f}")

y_pred_tuned = (y_proba >= threshold).astype(int)
for name, pred in [("threshold 0.5", y_pred), (f"threshold {threshold:.3f}", y_pred_tuned)]:
    p = metrics.precision_score(y_test, pred)
    r = metrics.recall_score(y_test, pred)
    f = metrics.f1_score(y_test, pred)
    print(f"{name:>16}: precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}")

recall_default = metrics.recall_score(y_test, y_pred)
recall_tuned = metrics.recall_score(y_test, y_pred_tuned)
precision_tuned = metrics.precision_score(y_test, y_pred_tuned)
ap = metrics.average_precision_score(y_test, y_proba)
print(f"average precision (test): {ap:.3f}   positive rate: {y_test.mean():.3f}")
assert recall_tuned > recall_default + 0.2, f"tuned recall {recall_tuned:.3f} should be well above {recall_default:.3f}"
assert precision_tuned < metrics.precision_score(y_test, y_pred), "more recall should cost precision"
label_auc_default = metrics.roc_auc_score(y_test, y_pred)
label_auc_tuned = metrics.roc_auc_score(y_test, y_pred_tuned)
print(f"AUC from hard labels: {label_auc_default:.3f} at 0.5, {label_auc_tuned:.3f} at {threshold:.3f};"
      f" AUC from scores: {auc_proba:.3f} at any threshold")
assert label_auc_tuned > label_auc_default + 0.02, "AUC from hard labels should move with the threshold"
assert auc_proba > max(label_auc_default, label_auc_tuned), "no single threshold should match the ranking AUC"

# %% [markdown] lang="zh"
# 降低阈值后，测试集召回率提高了至少 20 个百分点，代价是精确率下降，和曲线预示的一致。用分数算的
# ROC-AUC 只有一个值，与阈值无关；误把硬标签传进去时，算出的“AUC”会随阈值变化（上面断言它至少
# 变了 0.02），而且两个阈值下都低于用分数算的 AUC。下图是测试集上的 PR 曲线和两个工作点。

# %% [markdown] lang="en"
# Lowering the threshold raises test recall by at least 20 points and costs precision, as the
# curve predicts. ROC-AUC computed from the scores is one number, independent of any threshold;
# fed hard labels by mistake, the "AUC" moves with the threshold (asserted above: by at least
# 0.02) and stays below the AUC from the scores at both thresholds. The plot shows the
# precision-recall curve on the test set with both operating points.

# %%
test_prec, test_rec, _ = metrics.precision_recall_curve(y_test, y_proba)
fig, ax = plt.subplots(figsize=(8, 3))
ax.plot(test_rec, test_prec, label=f"test PR curve (AP {ap:.2f})")
ax.plot(recall_default, metrics.precision_score(y_test, y_pred), "o", label="threshold 0.5")
ax.plot(recall_tuned, precision_tuned, "s", label=f"threshold {threshold:.2f} (from validation)")
ax.axhline(y_test.mean(), ls=":", color="grey", label="positive rate (random model)")
ax.set_xlabel("Recall")
ax.set_ylabel("Precision")
ax.set_title("Precision-recall trade-off")
ax.legend(fontsize=8)
fig.tight_layout()
plt.show()

# %% [markdown] lang="zh"
# ## 要点 {#takeaways}
#
# - 不平衡数据上，准确率由多数类主导：先和“全判负”的基线比较，再报告正类的精确率、召回率和 F1。
# - 所有依赖阈值的指标都来自混淆矩阵的四个计数；F1 是精确率与召回率的调和平均（不是准确率与召回率）。
# - ROC-AUC 衡量的是排序：应传入 `predict_proba(X)[:, 1]` 或 `decision_function(X)`；传入硬标签，
#   得到的只是单一阈值下的平衡准确率。
# - 判定阈值是业务决策，要在验证集上调，绝不能在测试集上调；移动阈值是在精确率和召回率之间取舍，AUC 不变。
# - 正样本稀少时，PR 曲线和平均精确率比 ROC 曲线更有信息量：ROC 的假正率被大量负样本稀释了。

# %% [markdown] lang="en"
# ## Key takeaways {#takeaways}
#
# - On imbalanced data accuracy is dominated by the majority class: compare it with the
#   always-negative baseline, and report precision, recall and F1 for the positive class.
# - All threshold metrics come from the four confusion-matrix counts; F1 is the harmonic mean of
#   precision and recall (not of accuracy and recall).
# - ROC-AUC measures ranking: feed it `predict_proba(X)[:, 1]` or `decision_function(X)`. Fed hard
#   labels, it returns the balanced accuracy at one threshold.
# - The decision threshold is a business choice tuned on validation data, never on the test set;
#   moving it trades precision for recall and leaves AUC unchanged.
# - With rare positives, the precision-recall curve and average precision are more informative than
#   the ROC curve, whose false-positive rate is diluted by the many negatives.
